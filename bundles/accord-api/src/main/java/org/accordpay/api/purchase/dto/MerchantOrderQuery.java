package org.accordpay.api.purchase.dto;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.accordpay.api.purchase.PurchaseState;

/**
 * Which of a merchant's orders to list: created in {@code [from, to)}, optionally only in some states,
 * within an amount range (minor units, bounds included) or of one customer.
 *
 * @param merchantId the merchant (always required: a query never spans merchants)
 * @param from       created at or after
 * @param to         created before
 * @param states     only these states; empty for all
 * @param minTotal   total at least this many minor units, or null
 * @param maxTotal   total at most this many minor units, or null
 * @param customerId only this customer's purchases, or null
 * @since 1.2
 */
public record MerchantOrderQuery(String merchantId, Instant from, Instant to, Set<PurchaseState> states, Long minTotal,
        Long maxTotal, String customerId) {

    /** Checks the merchant and period, copies the states. */
    public MerchantOrderQuery {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        states = states == null ? Set.of() : Set.copyOf(states);
    }

    /** @return all of the merchant's orders created in {@code [from, to)} */
    public static MerchantOrderQuery period(String merchantId, Instant from, Instant to) {
        return new MerchantOrderQuery(merchantId, from, to, Set.of(), null, null, null);
    }
}
