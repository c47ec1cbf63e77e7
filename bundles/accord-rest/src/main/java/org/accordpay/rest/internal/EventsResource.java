package org.accordpay.rest.internal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.function.Supplier;
import org.accordpay.api.purchase.PurchaseService;
import org.accordpay.api.purchase.dto.MerchantEvent;
import org.accordpay.api.store.AccordStore;
import org.accordpay.api.webhook.WebhookEndpoints;
import org.accordpay.api.webhook.WebhookException;
import org.accordpay.api.webhook.dto.WebhookEndpoint;

/**
 * /v1/events: the merchant's events of its key's mode, oldest first, after a sequence number (what webhooks
 * carry); one event by id; and the replay of an event to the merchant's webhook endpoints.
 */
@Path("/v1/events")
@Produces(MediaType.APPLICATION_JSON)
public final class EventsResource {

    private final PurchaseService purchases;
    private final AccordStore store;
    private final Supplier<WebhookEndpoints> webhooks;

    /**
     * @param store    where events are looked up by id
     * @param webhooks the webhook service now, or null while none is there (then a replay answers 503)
     */
    EventsResource(PurchaseService purchases, AccordStore store, Supplier<WebhookEndpoints> webhooks) {
        this.purchases = purchases;
        this.store = store;
        this.webhooks = webhooks;
    }

    /** Events with a sequence number above {@code after} (0: from the start). */
    @GET
    public Bodies.EventPage list(@Context SecurityContext security, @QueryParam("after") String after,
            @QueryParam("limit") String limit) {
        Caller caller = MerchantAuthentication.caller(security);
        long from;
        try {
            from = after == null ? 0 : Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw ApiProblem.invalid("after", "after is a sequence number from a previous page");
        }
        if (from < 0) {
            throw ApiProblem.invalid("after", "after is a sequence number from a previous page");
        }
        int size = PurchasesResource.limit(limit, 100, 500);
        List<MerchantEvent> events = purchases.merchantEvents(caller.merchantId(), from, size);
        long next = events.isEmpty() ? from : events.get(events.size() - 1).seq();
        // a test key sees test purchases' events only, a live key live ones (the cursor still moves past the others)
        java.util.Map<String, Boolean> sameMode = new java.util.HashMap<>();
        List<Bodies.EventView> visible = events.stream()
                .filter(e -> sameMode.computeIfAbsent(e.purchaseId(), id -> sameMode(caller, id)))
                .map(Bodies.EventView::of).toList();
        return new Bodies.EventPage("list", visible, next);
    }

    /** One of the merchant's events of the key's mode (404 for anyone else's, or the other mode's). */
    @GET
    @Path("{id}")
    public Bodies.EventView get(@Context SecurityContext security, @PathParam("id") String id) {
        return Bodies.EventView.of(owned(MerchantAuthentication.caller(security), id));
    }

    /**
     * Delivers the event again to the merchant's active endpoints of the key's mode (or to the one named):
     * each endpoint's cursor moves back to just before the event, so this event and every later one are
     * delivered again, in order, with their own event ids. An endpoint that has not reached the event yet is
     * only made due now. 202 with the endpoints as they now stand.
     */
    @POST
    @Path("{id}/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replay(@Context SecurityContext security, @PathParam("id") String id, ReplayBody body) {
        Caller caller = MerchantAuthentication.caller(security);
        MerchantEvent event = owned(caller, id);
        String only = body == null ? null : body.endpoint();
        if (only != null && (only.isBlank() || only.length() > 64)) {
            throw ApiProblem.invalid("endpoint", "endpoint is the id of one of your webhook endpoints");
        }
        WebhookEndpoints service = WebhookEndpointsResource.service(webhooks);
        List<WebhookEndpoint> targets = service.list(caller.merchantId()).stream()
                .filter(e -> e.mode() == caller.mode() && (only == null || e.id().equals(only))).toList();
        if (only != null && targets.isEmpty()) {
            throw new WebhookException(WebhookException.UNKNOWN_ENDPOINT, "no webhook endpoint " + only);
        }
        List<WebhookEndpoint> active = targets.stream().filter(e -> e.disabledAt() == null).toList();
        if (active.isEmpty()) {
            throw new ApiProblem(409, "no-active-endpoint", "No active webhook endpoint", only != null
                    ? "webhook endpoint " + only + " is disabled" : "no active webhook endpoint in this mode: register one"
                    + " with POST /v1/webhook-endpoints", only != null ? "endpoint" : null);
        }
        String key = service.signingKey();
        String actor = WebhookEndpointsResource.actor(caller) + "|event " + event.eventId();
        List<WebhookEndpointsResource.EndpointView> replayed = active.stream()
                .map(e -> service.replayFrom(caller.merchantId(), e.id(),
                        Math.min(e.deliveredUpTo(), event.seq() - 1), actor))
                .map(e -> WebhookEndpointsResource.EndpointView.of(e, key)).toList();
        return Response.status(202).entity(new ReplayView("event_replay", event.eventId(), event.seq(), replayed))
                .build();
    }

    /** @return the event if it is the caller's and its purchase is of the caller's mode; else 404 */
    private MerchantEvent owned(Caller caller, String id) {
        MerchantEvent event = id == null || id.length() > 64 ? null
                : store.transact(tx -> tx.merchantEvents().find(id)).orElse(null);
        if (event == null || !event.merchantId().equals(caller.merchantId()) || !sameMode(caller, event.purchaseId())) {
            throw new ApiProblem(404, "unknown-event", "No such event", "no event " + id, null);
        }
        return event;
    }

    private boolean sameMode(Caller caller, String purchaseId) {
        return purchases.find(purchaseId).map(p -> p.mode() == caller.mode()).orElse(false);
    }

    /**
     * POST /v1/events/{id}/replay.
     *
     * @param endpoint only this webhook endpoint (absent: every active endpoint of the key's mode)
     */
    record ReplayBody(String endpoint) {
    }

    /**
     * A replay as answered.
     *
     * @param eventId   the event replayed
     * @param seq       its sequence number
     * @param endpoints the endpoints it is delivered to again, their cursors moved back
     */
    record ReplayView(String object, String eventId, long seq, List<WebhookEndpointsResource.EndpointView> endpoints) {
    }
}
