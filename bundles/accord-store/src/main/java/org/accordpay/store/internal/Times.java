package org.accordpay.store.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Instants are stored as BIGINT microseconds since the epoch; sub-microsecond digits are dropped. */
final class Times {

    private Times() {
    }

    static long toMicros(Instant t) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }

    static Instant fromMicros(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
