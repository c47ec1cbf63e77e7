package org.accordpay.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.accordpay.api.purchase.dto.MerchantEvent;
import org.accordpay.api.purchase.dto.Purchase;
import org.accordpay.api.purchase.dto.PurchaseItem;
import org.accordpay.api.registry.dto.PostalAddress;

/** The JSON documents of the API (snake_case on the wire). Requests hold boxed types so that "missing" is visible. */
final class Bodies {

    private Bodies() {
    }

    /**
     * The buyer: a phone number (E.164) with the country of residence, or an Accord reference.
     *
     * @param phone     E.164, e.g. {@code +33612345678}
     * @param country   ISO 3166-1 alpha-2, with {@code phone}
     * @param reference Accord reference number, instead of a phone number
     */
    record CustomerBody(String phone, String country, String reference) {
    }

    /**
     * One basket line.
     *
     * @param name      as the customer reads it on the handset
     * @param unitPrice minor units of the purchase currency
     * @param quantity  at least 1
     */
    record ItemBody(String name, Long unitPrice, Integer quantity) {
    }

    /**
     * POST /v1/purchases.
     *
     * @param customer         the buyer
     * @param items            the basket
     * @param currency         ISO 4217
     * @param merchantOrderRef the merchant's order reference
     * @param returnUrl        where to send the buyer back, optional; registered beforehand (/v1/return-urls)
     * @param checkout         {@code hosted}: no customer, the buyer identifies on Accord's payment page
     */
    record CreatePurchaseBody(CustomerBody customer, List<ItemBody> items, String currency, String merchantOrderRef,
            String returnUrl, String checkout) {
    }

    /**
     * POST /v1/purchases/{id}/ship.
     *
     * @param courier     the courier (carrier) that took the parcel
     * @param trackingRef its tracking reference
     */
    record ShipBody(String courier, String trackingRef) {
    }

    /** POST /v1/purchases/{id}/cancel; {@code reason} optional. */
    record CancelBody(String reason) {
    }

    /**
     * POST /v1/purchases/{id}/refunds.
     *
     * @param amount minor units; absent for everything left
     * @param reason optional
     */
    record RefundBody(Long amount, String reason) {
    }

    /** A basket line as answered. */
    record ItemView(String name, long unitPrice, int quantity) {
        static ItemView of(PurchaseItem i) {
            return new ItemView(i.name(), i.unitPriceMinor(), i.quantity());
        }
    }

    /** A delivery address as answered. */
    record AddressView(String name, String street, String postalCode, String city, String country) {
        static AddressView of(PostalAddress a) {
            return a == null ? null : new AddressView(a.name(), a.street(), a.postalCode(), a.city(), a.country());
        }
    }

    /**
     * A purchase as answered; amounts in minor units of {@code currency}; {@code returnUrl} only in the
     * answer to its creation; {@code checkoutUrl} and {@code checkoutExpiresAt} only in the answer to a hosted
     * checkout's creation.
     */
    record PurchaseView(String id, String object, String mode, String state, String merchantOrderRef,
            String currency, long amount, long refunded, List<ItemView> items, String createdAt, String updatedAt,
            String reason, AddressView deliveryAddress, String courier, String trackingRef, String returnUrl,
            String checkoutUrl, String checkoutExpiresAt) {
        static PurchaseView of(Purchase p) {
            return of(p, null);
        }

        /** @return the view of a hosted checkout just created */
        static PurchaseView hosted(Purchase p, String returnUrl, String checkoutUrl, java.time.Instant expiresAt) {
            PurchaseView v = of(p, returnUrl);
            return new PurchaseView(v.id(), v.object(), v.mode(), v.state(), v.merchantOrderRef(), v.currency(),
                    v.amount(), v.refunded(), v.items(), v.createdAt(), v.updatedAt(), v.reason(),
                    v.deliveryAddress(), v.courier(), v.trackingRef(), v.returnUrl(), checkoutUrl,
                    String.valueOf(expiresAt));
        }

        static PurchaseView of(Purchase p, String returnUrl) {
            return new PurchaseView(p.id(), "purchase", lower(p.mode().name()), lower(p.state().name()),
                    p.merchantOrderRef(), p.total().currency(), p.total().minorUnits(),
                    p.refunded() == null ? 0 : p.refunded().minorUnits(),
                    p.items().stream().map(ItemView::of).toList(), String.valueOf(p.createdAt()),
                    String.valueOf(p.updatedAt()), p.reason(), AddressView.of(p.deliveryAddress()), p.courierId(),
                    p.trackingRef(), returnUrl, null, null);
        }
    }

    /** A page of purchases; {@code nextCursor} is absent on the last page. */
    record PurchasePage(String object, List<PurchaseView> data, String nextCursor) {
    }

    /** One merchant event. */
    record EventView(long seq, String id, String type, String purchaseId, JsonNode data, String createdAt) {
        static EventView of(MerchantEvent e) {
            JsonNode data;
            try {
                data = Json.MAPPER.readTree(e.json());
            } catch (Exception ex) {
                data = Json.MAPPER.getNodeFactory().textNode(e.json());
            }
            return new EventView(e.seq(), e.eventId(), e.type(), e.purchaseId(), data, String.valueOf(e.at()));
        }
    }

    /** A page of events; pass {@code nextAfter} as {@code after} for the next one. */
    record EventPage(String object, List<EventView> data, long nextAfter) {
    }

    /** GET /v1/health. */
    record Health(String status, String store) {
    }

    static String lower(String s) {
        return s.toLowerCase(java.util.Locale.ROOT);
    }
}
