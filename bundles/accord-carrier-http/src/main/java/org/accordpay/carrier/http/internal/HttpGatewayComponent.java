package org.accordpay.carrier.http.internal;

import java.util.Hashtable;
import org.accordpay.api.carrier.CarrierCallback;
import org.accordpay.api.carrier.CarrierConnector;
import org.accordpay.api.carrier.CarrierInbound;
import org.accordpay.api.carrier.CarrierProperties;
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
 * One HTTP SMS gateway per factory configuration, published as a {@link CarrierConnector} (with
 * {@code accord.carrier.id}, {@code accord.carrier.test} and {@code accord.carrier.receipts} from the
 * configuration) and as the {@link CarrierCallback} the merchant API server exposes at
 * {@code /v1/carriers/<id>/mo} and {@code /v1/carriers/<id>/report}.
 *
 * <p>Outgoing request, one POST per message to {@code url}, as JSON or form fields:
 * {@code to} (E.164 with '+'), {@code from} (the configured sender, when set), {@code text}, {@code binary}
 * (base64) with {@code port}, and {@code reference} (Accord's message id). A 2xx answer may carry the
 * gateway's id as JSON field {@code id} or {@code message_id}. Callbacks: see {@link GatewayCallbacks}.
 * Accord's {@link CarrierInbound} may come later or go: messages and reports wait in a bounded queue.
 */
@Component(service = {}, immediate = true, configurationPid = HttpGatewayComponent.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = HttpGatewayConfiguration.class, factory = true)
public final class HttpGatewayComponent {

    static final String FACTORY_PID = "org.accordpay.carrier.http";

    private final InboundQueue inbound;
    private final ServiceRegistration<CarrierConnector> connectorRegistration;
    private final ServiceRegistration<CarrierCallback> callbackRegistration;

    /** Checks the configuration and registers the connector and its callbacks. */
    @Activate
    public HttpGatewayComponent(HttpGatewayConfiguration config, BundleContext context, @Reference AccordClock clock) {
        GatewaySettings settings = GatewaySettings.of(config);
        SentMessages sent = new SentMessages(settings.receiptMemory());
        this.inbound = new InboundQueue(settings.id(), settings.inboundQueue());
        HttpGatewayCarrier carrier = new HttpGatewayCarrier(settings, clock::now, sent);
        GatewayCallbacks callbacks = new GatewayCallbacks(settings.id(), settings.inboundToken(), sent, inbound,
                clock::now);
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(CarrierProperties.ID, settings.id());
        properties.put(CarrierProperties.TEST, settings.test());
        properties.put(CarrierProperties.RECEIPTS, settings.receipts());
        this.connectorRegistration = context.registerService(CarrierConnector.class, carrier, properties);
        Hashtable<String, Object> callbackProperties = new Hashtable<>();
        callbackProperties.put(CarrierProperties.ID, settings.id());
        this.callbackRegistration = context.registerService(CarrierCallback.class, callbacks, callbackProperties);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindInbound(CarrierInbound service) {
        inbound.bind(service);
    }

    void unbindInbound(CarrierInbound service) {
        inbound.unbind(service);
    }

    @Deactivate
    void deactivate() {
        callbackRegistration.unregister();
        connectorRegistration.unregister();
    }
}
