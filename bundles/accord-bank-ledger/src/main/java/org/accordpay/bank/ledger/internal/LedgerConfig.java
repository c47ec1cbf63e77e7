package org.accordpay.bank.ledger.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration {@code org.accordpay.bank.ledger}. */
@ObjectClassDefinition(id = LedgerBankComponent.PID, name = "Accord ledger bank",
        description = "Built-in double-entry test bank with its own database (demo, tests, benchmarks)")
@interface LedgerConfig {

    @AttributeDefinition(name = "Bank id", description = "Published as service property accord.bank.id")
    String id() default "ledger";

    @AttributeDefinition(name = "Mode", description = "Published as accord.bank.mode: test or live",
            options = {
                @org.osgi.service.metatype.annotations.Option(label = "test", value = "test"),
                @org.osgi.service.metatype.annotations.Option(label = "live", value = "live")})
    String mode() default "test";

    @AttributeDefinition(name = "JDBC URL",
            description = "The bank's own database: jdbc:h2:... or jdbc:mariadb://host:port/db; ${karaf.data} is resolved")
    String url() default LedgerSettings.DEFAULT_URL;

    @AttributeDefinition(name = "User")
    String user() default "sa";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false,
            description = "Never logged")
    // leading underscore: the property is ".password", which DS never publishes on a service
    String _password() default "";

    @AttributeDefinition(name = "Accord's IBAN", description = "Accord's own (escrow) account at this bank")
    String accord_iban() default LedgerSettings.DEFAULT_ACCORD_IBAN;

    @AttributeDefinition(name = "Settlement delay (ms)",
            description = "0: settle at once; otherwise report ACCEPTED and settle this long later (Accord's clock)",
            min = "0")
    long settle_delay_ms() default 0;

    @AttributeDefinition(name = "Pool size", description = "Database connections kept open", min = "1")
    int pool_size() default 4;
}
