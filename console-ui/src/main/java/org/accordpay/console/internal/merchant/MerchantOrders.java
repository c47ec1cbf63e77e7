package org.accordpay.console.internal.merchant;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.accordpay.api.purchase.PurchaseService;
import org.accordpay.api.purchase.dto.MerchantEvent;
import org.accordpay.api.purchase.dto.MerchantOrderQuery;
import org.accordpay.api.purchase.dto.Purchase;

/**
 * The one door of the merchant views to purchases: every read and action names the session's
 * merchant, and a purchase of another merchant is answered exactly as one that does not exist.
 */
final class MerchantOrders {

    /** Page size of the service's queries. */
    static final int PAGE = 500;
    /** Reports and plots read at most this many orders of a period. */
    static final int REPORT_CAP = 50_000;

    private final PurchaseService purchases;
    private final String merchantId;

    MerchantOrders(PurchaseService purchases, String merchantId) {
        this.purchases = purchases;
        this.merchantId = merchantId;
    }

    /** @return the purchase, only if it is the session merchant's (read again: its state may have moved) */
    Optional<Purchase> owned(String purchaseId) {
        if (purchaseId == null || purchaseId.isBlank()) {
            return Optional.empty();
        }
        return purchases.find(purchaseId).filter(p -> merchantId.equals(p.merchantId()));
    }

    /** @return one page of the orders matching the query, newest first; the query must be this merchant's */
    Stream<Purchase> page(MerchantOrderQuery query, int offset, int limit) {
        return purchases.searchForMerchant(mine(query), offset, Math.min(PAGE, Math.max(1, limit))).stream();
    }

    /** @return how many orders match the query; the query must be this merchant's */
    int count(MerchantOrderQuery query) {
        return (int) Math.min(Integer.MAX_VALUE, purchases.countForMerchant(mine(query)));
    }

    /** @return every order of the query (at most {@link #REPORT_CAP}), newest first, for reports and plots */
    List<Purchase> all(MerchantOrderQuery query) {
        List<Purchase> out = new ArrayList<>();
        while (out.size() < REPORT_CAP) {
            List<Purchase> page = purchases.searchForMerchant(mine(query), out.size(), PAGE);
            out.addAll(page);
            if (page.size() < PAGE) {
                break;
            }
        }
        return out;
    }

    /** @return the merchant's events after {@code afterSeq}, oldest first */
    List<MerchantEvent> events(long afterSeq, int limit) {
        return purchases.merchantEvents(merchantId, afterSeq, limit);
    }

    /** @return every event of the merchant of one type (at most {@link #REPORT_CAP} read) */
    List<MerchantEvent> eventsOfType(String type) {
        List<MerchantEvent> out = new ArrayList<>();
        long after = 0;
        for (int read = 0; read < REPORT_CAP; read += PAGE) {
            List<MerchantEvent> page = purchases.merchantEvents(merchantId, after, PAGE);
            page.stream().filter(e -> e.type().equals(type)).forEach(out::add);
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1).seq();
        }
        return out;
    }

    String merchantId() {
        return merchantId;
    }

    private MerchantOrderQuery mine(MerchantOrderQuery query) {
        if (!merchantId.equals(query.merchantId())) {
            throw new IllegalArgumentException("a query for another merchant");
        }
        return query;
    }
}
