package org.accordpay.rest.internal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.accordpay.api.courier.CourierEvents;
import org.accordpay.api.courier.dto.DeliveryEvent;
import org.accordpay.api.time.AccordClock;

/**
 * /v1/couriers/{courierId}/deliveries: a courier reports a delivery (step 9) over HTTPS. Not merchant-signed:
 * each courier presents its own bearer token from the configuration ({@code .courier.tokens}), compared in
 * constant time through its SHA-256.
 */
@Path("/v1/couriers/{courierId}/deliveries")
public final class CourierDeliveriesResource {

    private static final Pattern DELIVERY_PATH = Pattern.compile("/v1/couriers/[A-Za-z0-9._-]{1,64}/deliveries");

    private final Supplier<CourierEvents> events;
    private final PublicEndpoints settings;
    private final AccordClock clock;

    CourierDeliveriesResource(Supplier<CourierEvents> events, PublicEndpoints settings, AccordClock clock) {
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** @return true when {@code rawPath} is a courier's delivery route (authenticated by the courier's token) */
    static boolean isDelivery(String rawPath) {
        return rawPath != null && DELIVERY_PATH.matcher(rawPath).matches();
    }

    /**
     * Hands the report to the purchase flow.
     *
     * @return 204 when it matched a shipped purchase; 401 without the courier's token, 404 for a courier
     *         without a token or a tracking reference Accord does not know, 400 for a malformed report
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response deliveries(@PathParam("courierId") String courierId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, DeliveryBody body) {
        byte[] expected = settings.courierTokenSha256().get(courierId);
        if (expected == null) {
            throw new ApiProblem(404, "unknown-courier", "No such courier", "no courier '" + courierId
                    + "' reports deliveries here", null);
        }
        byte[] presented = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? sha256(authorization.substring(7).strip()) : new byte[32];
        if (!MessageDigest.isEqual(expected, presented) || authorization == null) {
            throw new ApiProblem(401, "courier-unauthenticated", "Report not authenticated",
                    "present the courier's token as Authorization: Bearer <token>", null);
        }
        if (body == null || body.trackingRef() == null || body.trackingRef().isBlank()
                || body.trackingRef().length() > 128) {
            throw new ApiProblem(400, "invalid-delivery", "Invalid delivery report",
                    "tracking_ref is required (at most 128 characters)", "tracking_ref");
        }
        if (body.delivered() == null) {
            throw new ApiProblem(400, "invalid-delivery", "Invalid delivery report", "delivered is required (true or"
                    + " false)", "delivered");
        }
        String detail = body.detail() == null ? "" : body.detail();
        if (detail.length() > 255) {
            throw new ApiProblem(400, "invalid-delivery", "Invalid delivery report", "detail is at most 255"
                    + " characters", "detail");
        }
        CourierEvents sink = events.get();
        if (sink == null) {
            throw new ApiProblem(503, "payments-unavailable", "Payments unavailable",
                    "the purchase flow is not running; retry later", null);
        }
        boolean matched = sink.delivery(new DeliveryEvent(courierId, body.trackingRef(), body.delivered(), detail,
                clock.now()));
        if (!matched) {
            throw new ApiProblem(404, "unknown-shipment", "No such shipment", "no shipped purchase has this courier"
                    + " and tracking reference", "tracking_ref");
        }
        return Response.noContent().build();
    }

    static byte[] sha256(String token) {
        return HexFormat.of().parseHex(Hashes.sha256Hex(token.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * POST /v1/couriers/{courierId}/deliveries.
     *
     * @param trackingRef the tracking reference the merchant gave when shipping
     * @param delivered   true when delivered, false when the delivery failed
     * @param detail      the courier's status text, optional
     */
    record DeliveryBody(String trackingRef, Boolean delivered, String detail) {
    }
}
