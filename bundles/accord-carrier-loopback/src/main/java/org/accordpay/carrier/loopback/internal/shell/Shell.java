package org.accordpay.carrier.loopback.internal.shell;

import java.util.Locale;
import org.accordpay.carrier.loopback.HandsetPolicy;

/** Policy names as typed in the shell: approve, decline, wrong-pin, ignore, manual. */
final class Shell {

    private Shell() {
    }

    static HandsetPolicy policy(String typed) {
        try {
            return HandsetPolicy.valueOf(typed.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("policy must be approve, decline, wrong-pin, ignore or manual, not " + typed);
        }
    }

    static String policyName(HandsetPolicy policy) {
        return policy.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
