package org.accordpay.rest.internal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.accordpay.api.purchase.PurchaseService;
import org.accordpay.api.purchase.dto.HostedCheckout;
import org.accordpay.api.purchase.dto.Purchase;
import org.accordpay.api.purchase.dto.PurchaseRequest;
import org.accordpay.api.registry.ReturnUrls;

/** /v1/purchases: create, read, list, ship and cancel a merchant's purchases. */
@Path("/v1/purchases")
@Produces(MediaType.APPLICATION_JSON)
public final class PurchasesResource {

    /** The latest instant a period may name (the store keeps microseconds in a long). */
    static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    private final PurchaseService purchases;
    private final ReturnUrls returnUrls;
    private final String publicBaseUrl;
    private final MerchantProofs proofs;

    /** @param returnUrls the merchants' registered return URLs */
    PurchasesResource(PurchaseService purchases, ReturnUrls returnUrls) {
        this(purchases, returnUrls, MerchantApiServer.DEFAULT_PUBLIC_BASE_URL);
    }

    /** @param publicBaseUrl base of the hosted payment page's URLs, without a trailing slash */
    PurchasesResource(PurchaseService purchases, ReturnUrls returnUrls, String publicBaseUrl) {
        this(purchases, returnUrls, publicBaseUrl, new MerchantProofs(null));
    }

    /** @param proofs the merchant identification-table challenge on high-value purchases */
    PurchasesResource(PurchaseService purchases, ReturnUrls returnUrls, String publicBaseUrl, MerchantProofs proofs) {
        this.purchases = purchases;
        this.returnUrls = returnUrls;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
        this.proofs = proofs;
    }

    /**
     * Step 2: asks the customer to approve on the handset; answers the purchase in state {@code challenged},
     * with the {@code return_url}, which must be registered (exactly, in the key's mode). With
     * {@code "checkout":"hosted"} and no customer: the purchase in state {@code awaiting_customer} with the
     * {@code checkout_url} of Accord's payment page, where the buyer gives the phone number. A merchant with an
     * identification table: at or above its threshold, 428 with a challenge unless {@code Accord-Merchant-Proof}
     * answers one for this very body.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Context SecurityContext security, @HeaderParam(MerchantProofs.HEADER) String proof,
            Bodies.CreatePurchaseBody body) {
        Caller caller = MerchantAuthentication.caller(security);
        PurchaseRequest request = PurchaseRequests.toRequest(caller.merchantId(), caller.mode(), body);
        ReturnUrlsResource.requireRegistered(returnUrls, caller.merchantId(), caller.mode(), request.returnUrl());
        Response challenge = proofs.check(caller, request, proof);
        if (challenge != null) {
            return challenge;
        }
        if (request.customer() == null) {
            HostedCheckout checkout = purchases.openCheckout(request);
            return Response.status(201).entity(Bodies.PurchaseView.hosted(checkout.purchase(), request.returnUrl(),
                    publicBaseUrl + "/checkout/" + checkout.token(), checkout.expiresAt())).build();
        }
        Purchase p = purchases.request(request);
        return Response.status(201).entity(Bodies.PurchaseView.of(p, request.returnUrl())).build();
    }

    /** One purchase of the calling merchant (404 for anyone else's). */
    @GET
    @Path("{id}")
    public Bodies.PurchaseView get(@Context SecurityContext security, @PathParam("id") String id) {
        return Bodies.PurchaseView.of(owned(purchases, MerchantAuthentication.caller(security), id));
    }

    /** The merchant's purchases created in {@code [from, to)}, oldest first, {@code limit} at a time. */
    @GET
    public Bodies.PurchasePage list(@Context SecurityContext security, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        Caller caller = MerchantAuthentication.caller(security);
        Instant start = from == null ? Instant.EPOCH : instant("from", from);
        Instant end = to == null ? LATEST : instant("to", to);
        int size = limit(limit, 50, 500);
        if (cursor != null && (cursor.isBlank() || cursor.length() > 64)) {
            throw ApiProblem.invalid("cursor", "not a cursor from a previous page");
        }
        List<Purchase> page = purchases.listForMerchant(caller.merchantId(), start, end, cursor, size);
        String next = page.size() == size ? page.get(page.size() - 1).id() : null;
        return new Bodies.PurchasePage("list", page.stream().filter(p -> p.mode() == caller.mode())
                .map(Bodies.PurchaseView::of).toList(), next);
    }

    /** Step 8: the goods left with a courier. */
    @POST
    @Path("{id}/ship")
    @Consumes(MediaType.APPLICATION_JSON)
    public Bodies.PurchaseView ship(@Context SecurityContext security, @PathParam("id") String id,
            Bodies.ShipBody body) {
        Caller caller = MerchantAuthentication.caller(security);
        if (body == null || body.courier() == null || body.courier().isBlank() || body.courier().length() > 64) {
            throw ApiProblem.invalid("courier", "the courier is required (at most 64 characters)");
        }
        if (body.trackingRef() == null || body.trackingRef().isBlank() || body.trackingRef().length() > 128) {
            throw ApiProblem.invalid("tracking_ref", "the tracking reference is required (at most 128 characters)");
        }
        owned(purchases, caller, id);
        return Bodies.PurchaseView.of(purchases.markShipped(caller.merchantId(), id, body.courier(),
                body.trackingRef()));
    }

    /** Cancels a purchase that has not shipped. */
    @POST
    @Path("{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    public Bodies.PurchaseView cancel(@Context SecurityContext security, @PathParam("id") String id,
            Bodies.CancelBody body) {
        Caller caller = MerchantAuthentication.caller(security);
        String reason = body == null || body.reason() == null || body.reason().isBlank() ? "cancelled by the merchant"
                : body.reason();
        if (reason.length() > 255) {
            throw ApiProblem.invalid("reason", "at most 255 characters");
        }
        owned(purchases, caller, id);
        return Bodies.PurchaseView.of(purchases.cancel(caller.merchantId(), id, reason));
    }

    /** @return the purchase if it is the caller's, in the caller's mode; else 404 */
    static Purchase owned(PurchaseService purchases, Caller caller, String id) {
        if (id == null || id.length() > 64) {
            throw ApiProblem.notFound("no purchase " + id);
        }
        Purchase p = purchases.find(id).orElse(null);
        if (p == null || !p.merchantId().equals(caller.merchantId()) || p.mode() != caller.mode()) {
            throw ApiProblem.notFound("no purchase " + id);
        }
        return p;
    }

    static Instant instant(String field, String value) {
        try {
            Instant t = OffsetDateTime.parse(value).toInstant();
            if (t.isBefore(Instant.EPOCH) || t.isAfter(LATEST)) {
                throw ApiProblem.invalid(field, field + " must be between 1970 and 2200");
            }
            return t;
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid(field, field + " must be an RFC 3339 date-time, e.g. 2026-11-25T00:00:00Z");
        }
    }

    static int limit(String value, int dflt, int max) {
        if (value == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiProblem.invalid("limit", "limit is 1 to " + max);
    }
}
