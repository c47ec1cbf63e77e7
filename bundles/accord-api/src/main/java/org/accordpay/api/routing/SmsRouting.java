package org.accordpay.api.routing;

import java.util.List;
import org.accordpay.api.carrier.dto.OutboundSms;
import org.accordpay.api.routing.dto.CarrierStatus;
import org.accordpay.api.routing.dto.Route;
import org.accordpay.api.routing.dto.Sent;

/**
 * Sends messages to handsets through the carrier connection that serves the number's mobile
 * operator, falling back to the next connection in the configured order when one fails or is out of
 * service, and refusing what would flood a phone. Carrier connections are addressed by id only, so
 * one may run on another node.
 */
@org.osgi.annotation.versioning.ProviderType
public interface SmsRouting {

    /**
     * Sends one message through the first healthy carrier of its route that has not had it yet. When every
     * carrier of the route has had it, they are asked again in the same order, except the last one tried
     * (unless it is the only one). Rate caps count a message on its first hand-over only.
     *
     * @param message    the message (its id is the idempotency key carriers echo in reports)
     * @param subscriber who it is for, e.g. {@code customer:<id>} (the per-subscriber cap counts by it)
     * @param test       true for test-mode traffic: only connectors registered as test carriers take it
     * @param tried      carrier ids that already had this message, oldest first (empty on the first hand-over)
     * @return the carrier that took it and whether a delivery report will follow
     * @throws RoutingException no carrier could take it now (retryable) or a cap refuses it (not retryable)
     */
    Sent send(OutboundSms message, String subscriber, boolean test, List<String> tried) throws RoutingException;

    /**
     * @param e164 a number in E.164
     * @param test true for test-mode traffic
     * @return the operator serving the number and the carrier ids in the order they would be tried
     * @throws IllegalArgumentException the number cannot be parsed
     */
    Route route(String e164, boolean test);

    /** @return every carrier connection routing knows (configured or bound), with its health */
    List<CarrierStatus> carriers();
}
