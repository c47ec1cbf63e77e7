package org.accordpay.routing.internal;

import java.util.List;
import java.util.Map;
import org.accordpay.api.carrier.CarrierConnector;
import org.accordpay.api.carrier.dto.OutboundSms;
import org.accordpay.api.routing.RoutingException;
import org.accordpay.api.routing.SmsRouting;
import org.accordpay.api.routing.dto.CarrierStatus;
import org.accordpay.api.routing.dto.Route;
import org.accordpay.api.routing.dto.Sent;
import org.accordpay.api.time.AccordClock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes {@link SmsRouting} and binds every carrier connection at once, as they come and go;
 * configuration changes apply without a restart.
 */
@Component(service = SmsRouting.class, configurationPid = "org.accordpay.routing",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = RoutingConfiguration.class)
public final class RoutingComponent implements SmsRouting {

    private static final Logger LOG = LoggerFactory.getLogger(RoutingComponent.class);

    private final SmsRouter router;

    /** Reads the configuration; a malformed one fails activation with the offending entry. */
    @Activate
    public RoutingComponent(RoutingConfiguration config, @Reference AccordClock clock) {
        this.router = new SmsRouter(SmsRouter.Settings.of(config), clock);
        LOG.info("SMS routing ready ({} ranges, {} operators)", config.ranges().length, config.operators().length);
    }

    @Modified
    void modified(RoutingConfiguration config) {
        router.configure(SmsRouter.Settings.of(config));
        LOG.info("SMS routing reconfigured ({} ranges, {} operators)", config.ranges().length,
                config.operators().length);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "unbindCarrier")
    void bindCarrier(CarrierConnector carrier, Map<String, Object> properties) {
        router.bind(carrier, properties);
        LOG.info("Carrier connection {} bound for routing", carrier.id());
    }

    void unbindCarrier(CarrierConnector carrier) {
        router.unbind(carrier);
        LOG.info("Carrier connection {} unbound from routing", carrier.id());
    }

    @Override
    public Sent send(OutboundSms message, String subscriber, boolean test, List<String> tried) throws RoutingException {
        return router.send(message, subscriber, test, tried);
    }

    @Override
    public Route route(String e164, boolean test) {
        return router.route(e164, test);
    }

    @Override
    public List<CarrierStatus> carriers() {
        return router.carriers();
    }
}
