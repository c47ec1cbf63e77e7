package org.accordpay.registry.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.accordpay.crypto.Argon2idParams;

/**
 * The registry's settings, checked.
 *
 * @param codeLength       digits of the one-time code
 * @param codeTtl          lifetime of the code, and of a confirmed enrolment
 * @param maxWrongCodes    wrong codes after which the enrolment fails
 * @param conditions       admission conditions, in configuration order
 * @param minPaid          paid purchases before the automatic suspension may act
 * @param maxDisputeRate   disputed / paid limit
 * @param maxRefundRate    refunded / paid limit
 * @param passwordArgon2   cost of the console password hash
 */
record RegistryPolicy(int codeLength, Duration codeTtl, int maxWrongCodes, List<String> conditions, long minPaid,
        double maxDisputeRate, double maxRefundRate, Argon2idParams passwordArgon2) {

    RegistryPolicy {
        if (codeLength < 4 || codeLength > 10) {
            throw new IllegalArgumentException("code length must be 4..10");
        }
        if (codeTtl.isNegative() || codeTtl.isZero()) {
            throw new IllegalArgumentException("code lifetime must be positive");
        }
        if (maxWrongCodes < 1) {
            throw new IllegalArgumentException("at least one code attempt");
        }
        if (minPaid < 0 || maxDisputeRate < 0 || maxRefundRate < 0) {
            throw new IllegalArgumentException("quality limits must not be negative");
        }
        conditions = List.copyOf(conditions);
    }

    static RegistryPolicy of(RegistryConfiguration c) {
        return new RegistryPolicy(c.code_length(), Duration.ofMinutes(c.code_ttl_minutes()), c.code_max_wrong(),
                conditions(c.admission_conditions()), c.quality_min_paid(), c.quality_max_dispute_rate(),
                c.quality_max_refund_rate(),
                new Argon2idParams(c.password_argon2_memory_kib(), c.password_argon2_iterations(), 1));
    }

    /** The defaults of {@link RegistryConfiguration}, with the given password cost (tests use a cheap one). */
    static RegistryPolicy defaults(Argon2idParams passwordArgon2) {
        return new RegistryPolicy(6, Duration.ofMinutes(10), 3, List.of("bank-account-verified", "terms-accepted"),
                20, 0.05, 0.20, passwordArgon2);
    }

    /** A .cfg file gives one comma-separated string; the web console gives an array: accept both. */
    static List<String> conditions(String[] raw) {
        List<String> out = new ArrayList<>();
        if (raw != null) {
            for (String item : raw) {
                for (String name : item.split(",")) {
                    String n = name.trim().toLowerCase(java.util.Locale.ROOT);
                    if (!n.isEmpty() && !out.contains(n)) {
                        out.add(n);
                    }
                }
            }
        }
        return out;
    }
}
