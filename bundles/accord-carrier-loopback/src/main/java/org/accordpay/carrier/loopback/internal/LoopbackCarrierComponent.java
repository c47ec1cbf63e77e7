package org.accordpay.carrier.loopback.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import org.accordpay.api.carrier.CarrierConnector;
import org.accordpay.api.carrier.CarrierInbound;
import org.accordpay.api.registry.CustomerRegistry;
import org.accordpay.api.time.AccordClock;
import org.accordpay.carrier.loopback.SimulatedHandsets;
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
 * Publishes the loopback carrier as a {@link CarrierConnector} (with {@code accord.carrier.id} from
 * the configuration) and as {@link SimulatedHandsets}. Accord's {@link CarrierInbound} and the
 * {@link CustomerRegistry} may come later or go: answers wait for the former, enrolment needs the latter.
 */
@Component(service = {}, immediate = true, configurationPid = LoopbackCarrierComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = LoopbackConfiguration.class)
public final class LoopbackCarrierComponent {

    static final String PID = "org.accordpay.carrier.loopback";

    private final ScheduledThreadPoolExecutor executor;
    private final LoopbackNetwork network;
    private final ServiceRegistration<?> registration;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CustomerRegistry registry;

    /** Loads the simulated handsets and registers the carrier. */
    @Activate
    public LoopbackCarrierComponent(LoopbackConfiguration config, BundleContext context, @Reference AccordClock clock)
            throws IOException {
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ScheduledThreadPoolExecutor(Math.max(1, config.delivery_threads()), r -> {
            Thread t = new Thread(r, "accord-carrier-loopback-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.network = new LoopbackNetwork(config.id(), Path.of(resolve(config.handsets_dir())), clock, executor,
                config.delivery_delay_ms(), config.enrolment_code_wait_ms(), () -> registry);
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(CarrierConnector.ID_PROPERTY, config.id());
        // simulated handsets only: test traffic may use it; it reports every delivery
        properties.put(org.accordpay.api.carrier.CarrierProperties.TEST, true);
        properties.put(org.accordpay.api.carrier.CarrierProperties.RECEIPTS, true);
        this.registration = context.registerService(
                new String[] {CarrierConnector.class.getName(), SimulatedHandsets.class.getName()}, network, properties);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindInbound(CarrierInbound inbound) {
        network.inboundBound(inbound);
    }

    void unbindInbound(CarrierInbound inbound) {
        network.inboundUnbound(inbound);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
        network.close();
        executor.shutdownNow();
    }

    static String resolve(String path) {
        return path.replace("${karaf.data}", System.getProperty("karaf.data", "data"));
    }
}
