package org.accordpay.registry.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Policy of the customer and merchant registries (PID {@code org.accordpay.registry}). */
@ObjectClassDefinition(name = "Accord registry",
        description = "Customer enrolment (one-time code), merchant admission conditions and quality limits")
@interface RegistryConfiguration {

    @AttributeDefinition(name = "One-time code length", description = "Digits of the code sent by SMS at enrolment (4..10)")
    int code_length() default 6;

    @AttributeDefinition(name = "One-time code lifetime (min)",
            description = "How long the code, then the confirmed enrolment, stays usable")
    int code_ttl_minutes() default 10;

    @AttributeDefinition(name = "Wrong codes allowed", description = "The enrolment fails at this many wrong codes")
    int code_max_wrong() default 3;

    @AttributeDefinition(name = "Admission conditions",
            description = "Conditions that must all hold before a merchant is admitted (names, comma-separated)")
    String[] admission_conditions() default {"bank-account-verified", "terms-accepted"};

    @AttributeDefinition(name = "Minimum paid purchases",
            description = "No automatic suspension before a merchant has this many paid purchases")
    long quality_min_paid() default 20;

    @AttributeDefinition(name = "Maximum dispute rate", description = "Disputed / paid above which a merchant is suspended")
    double quality_max_dispute_rate() default 0.05;

    @AttributeDefinition(name = "Maximum refund rate", description = "Refunded / paid above which a merchant is suspended")
    double quality_max_refund_rate() default 0.20;

    @AttributeDefinition(name = "Console password Argon2id memory (KiB)",
            description = "Cost of the customer console password hash (RFC 9106 second recommendation: 19456 with t=2)")
    int password_argon2_memory_kib() default 19456;

    @AttributeDefinition(name = "Console password Argon2id iterations", description = "Cost of the password hash")
    int password_argon2_iterations() default 2;
}
