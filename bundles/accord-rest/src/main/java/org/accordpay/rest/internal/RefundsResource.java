package org.accordpay.rest.internal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.accordpay.api.money.Money;
import org.accordpay.api.purchase.PurchaseService;
import org.accordpay.api.purchase.dto.Purchase;

/** /v1/purchases/{id}/refunds: gives back all or part of a paid purchase. */
@Path("/v1/purchases/{id}/refunds")
@Produces(MediaType.APPLICATION_JSON)
public final class RefundsResource {

    private final PurchaseService purchases;

    RefundsResource(PurchaseService purchases) {
        this.purchases = purchases;
    }

    /** Refunds {@code amount} minor units, or everything left when absent; answers the purchase. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response refund(@Context SecurityContext security, @PathParam("id") String id, Bodies.RefundBody body) {
        Caller caller = MerchantAuthentication.caller(security);
        Purchase p = PurchasesResource.owned(purchases, caller, id);
        long left = p.total().minorUnits() - (p.refunded() == null ? 0 : p.refunded().minorUnits());
        long amount = body == null || body.amount() == null ? left : body.amount();
        if (amount <= 0 || amount > left) {
            throw new ApiProblem(422, "invalid-amount", "Invalid amount",
                    "the refund must be 1 to " + left + " minor units", "amount");
        }
        String reason = body == null || body.reason() == null || body.reason().isBlank() ? "refund by the merchant"
                : body.reason();
        if (reason.length() > 255) {
            throw ApiProblem.invalid("reason", "at most 255 characters");
        }
        Purchase after = purchases.refund(caller.merchantId(), id, Money.of(amount, p.total().currency()), reason);
        return Response.status(201).entity(Bodies.PurchaseView.of(after)).build();
    }
}
