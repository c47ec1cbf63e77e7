package org.accordpay.challenge.internal;

import java.time.Duration;
import org.accordpay.crypto.Argon2idParams;
import org.accordpay.crypto.protocol.Protocol;

/**
 * The engine's rules, validated once.
 *
 * @param lifetime             how long a challenge can be answered (at most 5 minutes)
 * @param tableCells           cells per table
 * @param capPerHour           challenges per customer per hour
 * @param capPerDay            challenges per customer per day
 * @param lockConsecutive      consecutive failures that lock
 * @param lockWindowFailures   failures within the window that lock
 * @param lockWindow           the failure window
 * @param handsetArgon2        PIN encoding cost given to handsets
 */
record ChallengePolicy(Duration lifetime, int tableCells, int capPerHour, int capPerDay, int lockConsecutive,
        int lockWindowFailures, Duration lockWindow, Argon2idParams handsetArgon2) {

    ChallengePolicy {
        if (lifetime.isNegative() || lifetime.isZero()
                || lifetime.getSeconds() > Protocol.MAX_LIFETIME_SECONDS) {
            throw new IllegalArgumentException("challenge lifetime must be 1.." + Protocol.MAX_LIFETIME_SECONDS + " s");
        }
        if (tableCells < 16 || tableCells > Protocol.MAX_CELLS) {
            throw new IllegalArgumentException("table cells must be 16.." + Protocol.MAX_CELLS);
        }
        if (lockConsecutive < 1 || lockConsecutive > 5) {
            throw new IllegalArgumentException("lock after 1..5 consecutive failures (RTS art. 4(3)(b))");
        }
        if (capPerHour < 1 || capPerDay < capPerHour || lockWindowFailures < lockConsecutive) {
            throw new IllegalArgumentException("inconsistent caps");
        }
    }

    static ChallengePolicy of(ChallengeConfiguration c) {
        return new ChallengePolicy(Duration.ofSeconds(c.challenge_lifetime_seconds()), c.table_cells(),
                c.cap_per_hour(), c.cap_per_day(), c.lock_consecutive_failures(), c.lock_window_failures(),
                Duration.ofDays(c.lock_window_days()),
                new Argon2idParams(c.argon2_memory_kib(), c.argon2_iterations(), 1));
    }

    /** Defaults of the configuration: 3 minutes, 1,024 cells, 10/h, 30/day, 5 consecutive, 10 in 30 days. */
    static ChallengePolicy defaults(Argon2idParams handsetArgon2) {
        return new ChallengePolicy(Duration.ofSeconds(Protocol.DEFAULT_LIFETIME_SECONDS), 1024, 10, 30, 5, 10,
                Duration.ofDays(30), handsetArgon2);
    }
}
