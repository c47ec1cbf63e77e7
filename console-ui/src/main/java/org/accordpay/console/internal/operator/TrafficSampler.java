package org.accordpay.console.internal.operator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.accordpay.api.routing.dto.CarrierStatus;

/**
 * Samples the message traffic at a fixed period: messages the carriers accepted and failed (totals
 * since routing started), outbox rows waiting and the age of the oldest; keeps the last
 * {@link #KEEP} samples for the rates and the plot. Thread-safe.
 */
final class TrafficSampler {

    /** Samples kept (two minutes at the default period of two seconds). */
    static final int KEEP = 60;

    private final Supplier<List<CarrierStatus>> carriers;
    private final Supplier<OutboxFigures> outbox;
    private final Supplier<Instant> clock;
    private final Deque<Sample> samples = new ArrayDeque<>();

    TrafficSampler(Supplier<List<CarrierStatus>> carriers, Supplier<OutboxFigures> outbox, Supplier<Instant> clock) {
        this.carriers = carriers;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Takes one sample now. */
    void sample() {
        long sent = 0;
        long failed = 0;
        for (CarrierStatus c : carriers.get()) {
            sent += c.sent();
            failed += c.failed();
        }
        record(new Sample(clock.get(), sent, failed, outbox.get()));
    }

    synchronized void record(Sample s) {
        samples.addLast(s);
        while (samples.size() > KEEP) {
            samples.removeFirst();
        }
    }

    /** @return the samples kept, oldest first */
    synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** @return messages per minute between each two consecutive samples, oldest first */
    List<Rate> rates() {
        List<Sample> all = samples();
        java.util.ArrayList<Rate> out = new java.util.ArrayList<>();
        for (int i = 1; i < all.size(); i++) {
            Sample a = all.get(i - 1);
            Sample b = all.get(i);
            double minutes = Duration.between(a.at(), b.at()).toMillis() / 60_000.0;
            if (minutes <= 0) {
                continue;
            }
            // a carrier restart resets its counters: no negative rates
            out.add(new Rate(b.at(), Math.max(0, b.sent() - a.sent()) / minutes,
                    Math.max(0, b.failed() - a.failed()) / minutes));
        }
        return out;
    }

    /**
     * One sample.
     *
     * @param at     when
     * @param sent   messages accepted by the carriers since routing started
     * @param failed sends failed since routing started
     * @param outbox outbox rows waiting at that time
     */
    record Sample(Instant at, long sent, long failed, OutboxFigures outbox) {
    }

    /**
     * Messages per minute over the interval ending at {@code at}.
     *
     * @param at     end of the interval
     * @param sent   accepted per minute
     * @param failed failed per minute
     */
    record Rate(Instant at, double sent, double failed) {
    }

    /**
     * The outbox at one time.
     *
     * @param waiting rows not delivered yet
     * @param oldest  when the oldest waiting row was written, or null when none waits
     */
    record OutboxFigures(long waiting, Instant oldest) {
    }
}
