package org.accordpay.carrier.smpp.internal;

import java.util.Hashtable;
import org.accordpay.api.carrier.CarrierConnector;
import org.accordpay.api.carrier.CarrierInbound;
import org.accordpay.api.time.AccordClock;
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
 * One SMSC connection per factory configuration, published as a {@link CarrierConnector} with
 * {@code accord.carrier.id} from the configuration as soon as it is configured (it reports itself
 * unavailable until bound). Accord's {@link CarrierInbound} may come later or go: receipts and answers wait.
 */
@Component(service = {}, immediate = true, configurationPid = SmppCarrierComponent.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SmppConfiguration.class, factory = true)
public final class SmppCarrierComponent {

    static final String FACTORY_PID = "org.accordpay.carrier.smpp";

    private final SmppCarrier carrier;
    private final ServiceRegistration<CarrierConnector> registration;

    /** Starts binding and registers the carrier. */
    @Activate
    public SmppCarrierComponent(SmppConfiguration config, BundleContext context, @Reference AccordClock clock) {
        SmppSettings settings = SmppSettings.of(config);
        this.carrier = new SmppCarrier(settings, clock::now);
        carrier.start();
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(CarrierConnector.ID_PROPERTY, settings.id());
        properties.put(org.accordpay.api.carrier.CarrierProperties.TEST, config.test());
        properties.put(org.accordpay.api.carrier.CarrierProperties.RECEIPTS, settings.registeredDelivery());
        this.registration = context.registerService(CarrierConnector.class, carrier, properties);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindInbound(CarrierInbound inbound) {
        carrier.inboundBound(inbound);
    }

    void unbindInbound(CarrierInbound inbound) {
        carrier.inboundUnbound(inbound);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
        carrier.close();
    }
}
