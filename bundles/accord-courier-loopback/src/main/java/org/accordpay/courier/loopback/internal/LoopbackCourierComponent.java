package org.accordpay.courier.loopback.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.accordpay.api.courier.CourierConnector;
import org.accordpay.api.courier.CourierEvents;
import org.accordpay.api.time.AccordClock;
import org.accordpay.courier.loopback.LoopbackShipments;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Publishes the loopback courier as a {@link CourierConnector} (with {@code accord.courier.id} from the
 * configuration) and as {@link LoopbackShipments}; Accord's {@link CourierEvents} may come later or go.
 */
@Component(service = {}, immediate = true, configurationPid = LoopbackCourierComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = LoopbackCourierConfiguration.class)
public final class LoopbackCourierComponent {

    static final String PID = "org.accordpay.courier.loopback";

    private final ExecutorService executor;
    private final LoopbackCourier courier;
    private final ServiceRegistration<?> registration;

    /** Reads the watched shipments and registers the courier. */
    @Activate
    public LoopbackCourierComponent(LoopbackCourierConfiguration config, BundleContext context,
            @Reference AccordClock clock) throws IOException {
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "accord-courier-loopback");
            t.setDaemon(true);
            return t;
        });
        Path dir = Path.of(config.shipments_dir().replace("${karaf.data}", System.getProperty("karaf.data", "data")));
        this.courier = new LoopbackCourier(config.id(), ShipmentBook.open(dir.resolve(config.id() + ".tsv")), clock,
                config.auto_deliver(), executor);
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(CourierConnector.ID_PROPERTY, config.id());
        this.registration = context.registerService(
                new String[] {CourierConnector.class.getName(), LoopbackShipments.class.getName()}, courier, properties);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindEvents(CourierEvents events) {
        courier.eventsBound(events);
    }

    void unbindEvents(CourierEvents events) {
        courier.eventsUnbound(events);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
        executor.shutdownNow();
    }
}
