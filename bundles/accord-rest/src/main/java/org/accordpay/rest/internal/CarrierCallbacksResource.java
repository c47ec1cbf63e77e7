package org.accordpay.rest.internal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.accordpay.api.carrier.CarrierCallback;

/**
 * /v1/carriers/{carrierId}/{kind}: a carrier's callbacks (mobile-originated messages, delivery reports).
 * Not merchant-signed: the carrier's connector checks the caller's own credential. The request goes,
 * untouched, to the bound {@link CarrierCallback} of that carrier.
 */
@Path("/v1/carriers/{carrierId}/{kind}")
public final class CarrierCallbacksResource {

    /** Raw paths of callbacks, which {@link MerchantAuthentication} and {@link IdempotencyKeys} leave alone. */
    private static final Pattern CALLBACK_PATH = Pattern.compile("/v1/carriers/[A-Za-z0-9._-]+/[A-Za-z0-9_-]+");

    private final Collection<CarrierCallback> callbacks;

    /** @param callbacks the bound callbacks, updated while the server runs */
    CarrierCallbacksResource(Collection<CarrierCallback> callbacks) {
        this.callbacks = callbacks;
    }

    /** @return true when {@code rawPath} is a carrier callback (authenticated by its connector) */
    static boolean isCallback(String rawPath) {
        return rawPath != null && CALLBACK_PATH.matcher(rawPath).matches();
    }

    /**
     * Hands the request to the carrier's callback.
     *
     * @return 200 with the connector's answer (204 when it has none); 404 for an unknown carrier, 401 when the
     *         connector refuses the credential, 400 when it refuses the request
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response callback(@PathParam("carrierId") String carrierId, @PathParam("kind") String kind,
            @Context HttpHeaders headers, byte[] body) {
        CarrierCallback callback = null;
        for (CarrierCallback c : List.copyOf(callbacks)) {
            if (c.carrierId().equals(carrierId)) {
                callback = c;
                break;
            }
        }
        if (callback == null) {
            throw new ApiProblem(404, "unknown-carrier", "No such carrier", "no carrier '" + carrierId
                    + "' takes callbacks here", null);
        }
        Map<String, List<String>> lowerCase = new TreeMap<>();
        headers.getRequestHeaders().forEach((name, values) -> lowerCase.put(name.toLowerCase(Locale.ROOT), values));
        String answer;
        try {
            answer = callback.handle(kind, lowerCase, headers.getHeaderString(HttpHeaders.CONTENT_TYPE),
                    body == null ? new byte[0] : body);
        } catch (SecurityException e) {
            throw new ApiProblem(401, "carrier-unauthenticated", "Callback not authenticated",
                    "present the carrier's inbound token as Authorization: Bearer <token>", null);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(400, "invalid-callback", "Invalid callback", e.getMessage(), null);
        }
        if (answer == null || answer.isEmpty()) {
            return Response.noContent().build();
        }
        return Response.ok(answer, answer.startsWith("{") ? MediaType.APPLICATION_JSON : MediaType.TEXT_PLAIN).build();
    }
}
