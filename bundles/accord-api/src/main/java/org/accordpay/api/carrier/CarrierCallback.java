package org.accordpay.api.carrier;

import java.util.List;
import java.util.Map;

/**
 * An HTTP callback of a carrier connection (mobile-originated messages, delivery reports) that the
 * merchant API server exposes at {@code /v1/carriers/{carrierId}/{kind}}. The connector checks the
 * caller's credential and parses the body; the server only transports the request.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface CarrierCallback {

    /** @return the carrier connection id this callback belongs to ({@link CarrierConnector#id()}) */
    String carrierId();

    /**
     * Handles one callback request.
     *
     * @param kind        the last path segment, e.g. {@code mo} or {@code report}
     * @param headers     request headers, names in lower case
     * @param contentType the request's content type, or null
     * @param body        the request body
     * @return the response body to send back (may be empty)
     * @throws SecurityException        the credential is missing or wrong (answered 401)
     * @throws IllegalArgumentException unknown kind or malformed body (answered 400 or 404)
     */
    String handle(String kind, Map<String, List<String>> headers, String contentType, byte[] body);
}
