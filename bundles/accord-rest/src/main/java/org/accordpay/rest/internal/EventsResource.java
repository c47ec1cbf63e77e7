package org.accordpay.rest.internal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.accordpay.api.purchase.PurchaseService;
import org.accordpay.api.purchase.dto.MerchantEvent;

/** /v1/events: the merchant's events of its key's mode, oldest first, after a sequence number (what webhooks carry). */
@Path("/v1/events")
@Produces(MediaType.APPLICATION_JSON)
public final class EventsResource {

    private final PurchaseService purchases;

    EventsResource(PurchaseService purchases) {
        this.purchases = purchases;
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
                .filter(e -> sameMode.computeIfAbsent(e.purchaseId(), id -> purchases.find(id)
                        .map(p -> p.mode() == caller.mode()).orElse(false)))
                .map(Bodies.EventView::of).toList();
        return new Bodies.EventPage("list", visible, next);
    }
}
