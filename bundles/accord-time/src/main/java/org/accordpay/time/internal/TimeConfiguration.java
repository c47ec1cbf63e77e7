package org.accordpay.time.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of Accord's clock (PID {@code org.accordpay.time}). */
@ObjectClassDefinition(name = "Accord time", description = "The one clock every Accord bundle reads.")
@interface TimeConfiguration {

    @AttributeDefinition(name = "Adjustable",
            description = "Register ClockControl so tests can move time forward. Never in production.")
    boolean adjustable() default false;
}
