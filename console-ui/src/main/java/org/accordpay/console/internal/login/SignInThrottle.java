package org.accordpay.console.internal.login;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Counts failed sign-ins per identifier and pauses sign-in for an identifier after too many
 * failures within a sliding window. Kept in memory: a restart forgets the counts.
 */
public final class SignInThrottle {

    /** Above this many identifiers tracked, stale entries are dropped on the next failure. */
    private static final int PURGE_THRESHOLD = 10_000;

    private final Supplier<Instant> now;
    private final int maxFailures;
    private final Duration window;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    /**
     * @param now         time source (Accord's clock)
     * @param maxFailures failures within {@code window} that pause sign-in, at least 1
     * @param window      how far back failures count; a pause lasts until the oldest counted failure leaves it
     */
    public SignInThrottle(Supplier<Instant> now, int maxFailures, Duration window) {
        if (maxFailures < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("maxFailures >= 1 and a positive window are required");
        }
        this.now = now;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /** @return true when sign-in for this identifier is paused now */
    public boolean isLocked(String identifierKey) {
        Deque<Instant> times = failures.get(identifierKey);
        if (times == null) {
            return false;
        }
        synchronized (times) {
            prune(times, now.get());
            return times.size() >= maxFailures;
        }
    }

    /** Records a failed sign-in; @return true when this failure paused sign-in for the identifier */
    public boolean recordFailure(String identifierKey) {
        Instant at = now.get();
        if (failures.size() > PURGE_THRESHOLD) {
            purge(at);
        }
        Deque<Instant> times = failures.computeIfAbsent(identifierKey, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, at);
            times.addLast(at);
            return times.size() >= maxFailures;
        }
    }

    /** Forgets the failures of an identifier after a successful sign-in. */
    public void reset(String identifierKey) {
        failures.remove(identifierKey);
    }

    /** @return until when sign-in stays paused for this identifier, or null when it is not paused */
    public Instant lockedUntil(String identifierKey) {
        Deque<Instant> times = failures.get(identifierKey);
        if (times == null) {
            return null;
        }
        synchronized (times) {
            prune(times, now.get());
            if (times.size() < maxFailures) {
                return null;
            }
            // the pause ends when enough failures have left the window
            Instant[] ordered = times.toArray(new Instant[0]);
            return ordered[ordered.length - maxFailures].plus(window);
        }
    }

    /** @return how long sign-in stays paused for this identifier; zero when it is not paused */
    public Duration pausedFor(String identifierKey) {
        Instant until = lockedUntil(identifierKey);
        if (until == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now.get(), until);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** @return the words shown while sign-in for this identifier is paused, with the minutes left (at least 1) */
    public String pausedMessage(String identifierKey) {
        long minutes = Math.max(1, (pausedFor(identifierKey).toSeconds() + 59) / 60);
        return "Too many failed attempts. For your security, signing in with these details is paused; try again in "
                + minutes + (minutes == 1 ? " minute." : " minutes.");
    }

    private void prune(Deque<Instant> times, Instant at) {
        Instant oldest = at.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(oldest)) {
            times.pollFirst();
        }
    }

    private void purge(Instant at) {
        failures.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                prune(e.getValue(), at);
                return e.getValue().isEmpty();
            }
        });
    }
}
