package org.accordpay.courier.loopback.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The loopback courier (PID {@code org.accordpay.courier.loopback}). */
@ObjectClassDefinition(name = "Accord loopback courier",
        description = "Remembers watched shipments and reports deliveries on command (demo, tests; never production)")
@interface LoopbackCourierConfiguration {

    @AttributeDefinition(name = "Courier id", description = "Published as accord.courier.id; merchants name it when they ship")
    String id() default "loopback-courier";

    @AttributeDefinition(name = "Deliver automatically",
            description = "Report every watched shipment delivered at once (when Accord's CourierEvents is there)")
    boolean auto_deliver() default false;

    @AttributeDefinition(name = "Shipments directory",
            description = "Where the watched shipments are kept (<id>.tsv); ${karaf.data} is resolved")
    String shipments_dir() default "${karaf.data}/accord/courier-loopback";
}
