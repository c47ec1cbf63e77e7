package org.accordpay.routing.internal;

import java.time.Duration;
import java.util.Map;
import org.accordpay.api.carrier.CarrierConnector;
import org.accordpay.api.carrier.CarrierProperties;
import org.accordpay.api.routing.SmsRouting;
import org.accordpay.api.time.AccordClock;

/** Accord's SMS routing as the bench uses it: one carrier, no caps (the bench sends to one number). */
public final class BenchRouting {

    private BenchRouting() {
    }

    /** @return routing with {@code carrier} bound as a live carrier that sends delivery reports */
    public static SmsRouting of(CarrierConnector carrier, AccordClock clock) {
        SmsRouter router = new SmsRouter(new SmsRouter.Settings(RoutingTable.parse(new String[0], new String[0],
                new String[0]), 3, Duration.ofSeconds(30), 0, 0, 0), clock);
        router.bind(carrier, Map.of(CarrierProperties.ID, carrier.id(), CarrierProperties.RECEIPTS, true));
        return router;
    }
}
