package org.accordpay.demo.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.accordpay.demo}; the embedded distribution ships it in etc/. */
@ObjectClassDefinition(name = "Accord demo data",
        description = "A demo merchant and a demo customer with a simulated handset, on the embedded H2 default only")
@interface DemoConfiguration {
    @AttributeDefinition(name = "Enabled")
    boolean enabled() default false;

    @AttributeDefinition(name = "On any database",
            description = "Seed on a configured database too (tests only); by default only the embedded H2")
    boolean any_database() default false;

    @AttributeDefinition(name = "Customer phone (E.164)")
    String customer_phone() default "+33612345678";

    @AttributeDefinition(name = "Customer handset PIN")
    String customer_pin() default "482915";

    @AttributeDefinition(name = "Customer IBAN")
    String customer_iban() default "FR1420041010050500013M02606";

    @AttributeDefinition(name = "Customer starting balance (minor units, EUR)")
    long customer_balance() default 100_000;

    @AttributeDefinition(name = "Merchant IBAN")
    String merchant_iban() default "DE89370400440532013000";

    @AttributeDefinition(name = "Admission conditions the demo merchant meets")
    String[] merchant_conditions() default {"bank-account-verified", "terms-accepted"};
}
