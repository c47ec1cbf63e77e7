package org.accordpay.console.internal.purchases;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.accordpay.api.purchase.PurchaseException;
import org.accordpay.api.purchase.PurchaseService;
import org.accordpay.api.purchase.PurchaseState;
import org.accordpay.api.purchase.dto.Purchase;

/**
 * What a customer may do with one of their purchases from the console: confirm the delivery
 * received (once shipped) and open a dispute (while the money is held in escrow, before or after
 * shipping). Every action reads the purchase again and acts only for its own customer in the right
 * state; anything else is refused with words for the customer and changes nothing.
 */
public final class CustomerActions {

    /** States in which the customer may confirm delivery: the goods have left. */
    static final Set<PurchaseState> CONFIRMABLE = EnumSet.of(PurchaseState.SHIPPED);
    /** States in which the customer may dispute: the money is still held in escrow. */
    static final Set<PurchaseState> DISPUTABLE = EnumSet.of(PurchaseState.IN_ESCROW, PurchaseState.SHIPPED);
    /** Longest dispute reason, in characters. */
    public static final int REASON_MAX = 500;

    private final PurchaseService purchases;
    private final String customerId;

    /** @param purchases the purchase service; @param customerId the signed-in customer */
    public CustomerActions(PurchaseService purchases, String customerId) {
        this.purchases = purchases;
        this.customerId = customerId;
    }

    /** @return the purchase, if it exists and is this customer's */
    public Optional<Purchase> own(String purchaseId) {
        return purchaseId == null ? Optional.empty()
                : purchases.find(purchaseId).filter(p -> customerId.equals(p.customerId()));
    }

    /** @return true when the customer may confirm that {@code purchase} was delivered */
    public boolean mayConfirmDelivery(Purchase purchase) {
        return customerId.equals(purchase.customerId()) && CONFIRMABLE.contains(purchase.state());
    }

    /** @return true when the customer may open a dispute about {@code purchase} */
    public boolean mayDispute(Purchase purchase) {
        return customerId.equals(purchase.customerId()) && DISPUTABLE.contains(purchase.state());
    }

    /**
     * The customer received the goods: delivery is confirmed and escrow released to the merchant.
     *
     * @return the purchase after the change
     * @throws IllegalStateException with words for the customer when it is not theirs or not shipped
     */
    public Purchase confirmDelivery(String purchaseId) {
        Purchase p = own(purchaseId).filter(this::mayConfirmDelivery).orElseThrow(() -> new IllegalStateException(
                "This purchase cannot be confirmed as delivered now."));
        try {
            return purchases.confirmDelivery(p.id(), "customer");
        } catch (PurchaseException e) {
            throw new IllegalStateException("This purchase cannot be confirmed as delivered now.", e);
        }
    }

    /**
     * The customer disputes the purchase: escrow is frozen until an operator resolves it.
     *
     * @param reason the customer's words, 1 to {@link #REASON_MAX} characters
     * @return the purchase after the change
     * @throws IllegalArgumentException when the reason is missing or too long
     * @throws IllegalStateException    with words for the customer when it is not theirs or not disputable
     */
    public Purchase openDispute(String purchaseId, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new IllegalArgumentException("Say what went wrong.");
        }
        if (why.length() > REASON_MAX) {
            throw new IllegalArgumentException("Say it in at most " + REASON_MAX + " characters.");
        }
        Purchase p = own(purchaseId).filter(this::mayDispute).orElseThrow(() -> new IllegalStateException(
                "A dispute cannot be opened for this purchase now."));
        try {
            return purchases.openDispute(p.id(), why);
        } catch (PurchaseException e) {
            throw new IllegalStateException("A dispute cannot be opened for this purchase now.", e);
        }
    }
}
