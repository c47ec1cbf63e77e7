package org.accordpay.challenge.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Policy of the challenge engine (PID {@code org.accordpay.challenge}). */
@ObjectClassDefinition(name = "Accord challenge engine",
        description = "Identification tables, challenge lifetime, caps and lock-out (PSD2 RTS art. 4)")
@interface ChallengeConfiguration {

    @AttributeDefinition(name = "Challenge lifetime (s)",
            description = "How long a challenge can be answered; at most 300 s (our policy)")
    int challenge_lifetime_seconds() default 180;

    @AttributeDefinition(name = "Table cells", description = "Cells per identification table (phone app: 1024)")
    int table_cells() default 1024;

    @AttributeDefinition(name = "Challenges per hour", description = "Per customer; anyone knowing a number can trigger them")
    int cap_per_hour() default 10;

    @AttributeDefinition(name = "Challenges per day", description = "Per customer")
    int cap_per_day() default 30;

    @AttributeDefinition(name = "Consecutive failures before lock", description = "RTS art. 4(3)(b): at most 5")
    int lock_consecutive_failures() default 5;

    @AttributeDefinition(name = "Failures in window before lock", description = "Failures within the window that lock")
    int lock_window_failures() default 10;

    @AttributeDefinition(name = "Failure window (days)", description = "Window for the failure count")
    int lock_window_days() default 30;

    @AttributeDefinition(name = "Keystore", description = "PKCS#12 file holding the key-encryption keys and the HPKE key")
    String keystore_path() default "${karaf.etc}/accord-keys.p12";

    @AttributeDefinition(name = "Keystore password", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD,
            description = "Empty: a random password is kept in <keystore>.password (mode 0600)")
    // leading underscore: the property is ".keystore.password", which DS never publishes on the service
    String _keystore_password() default "";

    @AttributeDefinition(name = "Expiry sweep (s)", description = "How often unanswered challenges are expired")
    int expiry_sweep_seconds() default 5;

    @AttributeDefinition(name = "Handset Argon2id memory (KiB)", description = "PIN encoding cost sent to handsets")
    int argon2_memory_kib() default 32768;

    @AttributeDefinition(name = "Handset Argon2id iterations", description = "PIN encoding cost sent to handsets")
    int argon2_iterations() default 3;
}
