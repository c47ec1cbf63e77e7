package org.accordpay.bank.ledger.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.accordpay.api.bank.BankEvents;
import org.accordpay.api.bank.dto.BankStatus;
import org.accordpay.api.bank.dto.BankStatusUpdate;

/** A {@link BankEvents} that records what it receives, and can refuse the first calls. */
final class RecordingEvents implements BankEvents {

    private final List<BankStatusUpdate> received = new ArrayList<>();
    private final AtomicInteger failuresLeft;
    final AtomicInteger calls = new AtomicInteger();

    RecordingEvents() {
        this(0);
    }

    RecordingEvents(int failFirst) {
        this.failuresLeft = new AtomicInteger(failFirst);
    }

    @Override
    public void statusChanged(BankStatusUpdate update) {
        calls.incrementAndGet();
        if (failuresLeft.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            throw new IllegalStateException("Accord is busy (test)");
        }
        synchronized (received) {
            received.add(update);
        }
    }

    List<BankStatusUpdate> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    List<BankStatusUpdate> of(String key) {
        return received().stream().filter(u -> u.idempotencyKey().equals(key)).toList();
    }

    boolean has(String key, BankStatus status) {
        return of(key).stream().anyMatch(u -> u.status() == status);
    }
}
