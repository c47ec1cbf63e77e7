package org.accordpay.routing.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.accordpay.routing} (etc/org.accordpay.routing.cfg). */
@ObjectClassDefinition(name = "Accord SMS routing",
        description = "Number ranges to mobile operators, operators to carrier connections, failover and rate caps")
@interface RoutingConfiguration {

    @AttributeDefinition(name = "Number ranges",
            description = "E.164 prefix = operator, longest prefix wins, comma-separated, e.g. +3367=orange-fr, +3366=sfr-fr")
    String[] ranges() default {};

    @AttributeDefinition(name = "Operators",
            description = "operator = carrier ids in the order tried, entries separated by ;, e.g. orange-fr=smpp-orange,http-gw; sfr-fr=smpp-sfr")
    String[] operators() default {};

    @AttributeDefinition(name = "Fallback",
            description = "Carrier ids tried after the operator's own; empty: every other bound carrier, by id")
    String[] fallback() default {};

    @AttributeDefinition(name = "Failures before a carrier is taken out")
    int failure_threshold() default 3;

    @AttributeDefinition(name = "Seconds a failing carrier stays out before it is probed again")
    int probe_interval_seconds() default 30;

    @AttributeDefinition(name = "Messages per number per hour", description = "0: no cap")
    int cap_number_per_hour() default 20;

    @AttributeDefinition(name = "Messages per number per day", description = "0: no cap")
    int cap_number_per_day() default 60;

    @AttributeDefinition(name = "Messages per subscriber per hour",
            description = "Counted by the outbox destination (customer:<id> or phone:<number>); 0: no cap")
    int cap_subscriber_per_hour() default 20;
}
