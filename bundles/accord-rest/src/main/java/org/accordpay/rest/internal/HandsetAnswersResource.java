package org.accordpay.rest.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.concurrent.RejectedExecutionException;
import org.accordpay.api.purchase.PurchaseService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * /v1/handset/answers: a handset's response envelope over HTTPS (docs/handset-protocol.md, section 7), the
 * same bytes as the mobile-originated binary SMS. Not merchant-signed: the response is signed by the device
 * key and checked by the challenge engine. Like the SMS path, the caller learns nothing of the verdict: every
 * envelope of a plausible size is answered 202 at once and handed to the purchase flow afterwards.
 */
@Path("/v1/handset/answers")
public final class HandsetAnswersResource {

    /** The raw path, which {@link MerchantAuthentication} and {@link IdempotencyKeys} leave alone. */
    static final String PATH = "/v1/handset/answers";
    /** Media type of a response envelope (docs/handset-protocol.md, "Carriage"). */
    static final String RESPONSE_TYPE = "application/vnd.accord.response";
    /** Envelopes are 215 bytes in version 1; room for later versions, nothing more. */
    static final int MAX_BYTES = 1024;

    private static final Logger LOG = LoggerFactory.getLogger(HandsetAnswersResource.class);

    private final PurchaseService purchases;
    private final PublicEndpoints settings;

    HandsetAnswersResource(PurchaseService purchases, PublicEndpoints settings) {
        this.purchases = purchases;
        this.settings = settings;
    }

    /** @return 202 for every envelope of 1 to 1024 bytes; 400 empty, 413 larger, 415 another type, 429 too many */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response answer(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Context HttpServletRequest http, byte[] body) {
        String address = http == null ? "unknown" : http.getRemoteAddr();
        if (!settings.handsetPerAddress().tryAcquire(address)) {
            throw CheckoutResource.tooMany("too many answers from this address; retry in a minute");
        }
        String type = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!type.equals(RESPONSE_TYPE) && !type.equals(MediaType.APPLICATION_OCTET_STREAM)) {
            throw new ApiProblem(415, "unsupported-media-type", "Unsupported media type",
                    "send the response envelope as " + RESPONSE_TYPE + " (or application/octet-stream)", null);
        }
        if (body == null || body.length == 0) {
            throw new ApiProblem(400, "invalid-answer", "Invalid answer", "the body is the response envelope", null);
        }
        if (body.length > MAX_BYTES) {
            throw new ApiProblem(413, "body-too-large", "Body too large", "a response envelope is at most "
                    + MAX_BYTES + " bytes", null);
        }
        byte[] envelope = body.clone();
        try {
            settings.worker().execute(() -> {
                try {
                    purchases.answer(envelope);
                } catch (RuntimeException e) {
                    LOG.warn("handset answer over HTTPS not applied: {}", e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            throw CheckoutResource.tooMany("Accord is busy; retry in a minute");
        }
        return Response.accepted().build();
    }
}
