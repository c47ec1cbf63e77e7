package org.accordpay.carrier.loopback.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The loopback carrier (PID {@code org.accordpay.carrier.loopback}). */
@ObjectClassDefinition(name = "Accord loopback carrier",
        description = "In-process SMS carrier wired to simulated handsets (demo, tests, benchmarks; never production)")
@interface LoopbackConfiguration {

    @AttributeDefinition(name = "Carrier id", description = "Published as accord.carrier.id; routing picks carriers by it")
    String id() default "loopback";

    @AttributeDefinition(name = "Delivery delay (ms)", description = "Simulated network delay before a message reaches the handset")
    long delivery_delay_ms() default 0;

    @AttributeDefinition(name = "Delivery threads", description = "Handsets working at the same time (each answer costs one Argon2id run)")
    int delivery_threads() default 4;

    @AttributeDefinition(name = "Handsets directory", description = "Where simulated handsets keep their state; ${karaf.data} is resolved")
    String handsets_dir() default "${karaf.data}/accord/handsets";

    @AttributeDefinition(name = "One-time code wait (ms)", description = "How long a handset enrolment waits for the one-time code SMS")
    long enrolment_code_wait_ms() default 5000;
}
