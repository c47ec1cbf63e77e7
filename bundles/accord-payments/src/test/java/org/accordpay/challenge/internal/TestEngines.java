package org.accordpay.challenge.internal;

import java.nio.file.Path;
import org.accordpay.api.challenge.ChallengeEngine;
import org.accordpay.api.store.AccordStore;
import org.accordpay.api.time.AccordClock;
import org.accordpay.crypto.Argon2idParams;

/** Builds the real challenge engine for the payments tests (its classes are package-private). */
public final class TestEngines {

    private TestEngines() {
    }

    /** @return a real engine with default policy, cheap handset Argon2 and a keystore in {@code dir} */
    public static ChallengeEngine create(AccordStore store, AccordClock clock, Path dir) throws Exception {
        FileKeyCustody custody = FileKeyCustody.open(dir.resolve("accord-keys.p12"), new char[0]);
        return new ChallengeEngineImpl(store, clock, custody, () -> { }, ChallengePolicy.defaults(Argon2idParams.TEST_ONLY));
    }
}
