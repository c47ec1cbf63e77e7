package org.accordpay.api.store.dto;

import java.time.Instant;
import java.util.List;

/**
 * A balanced set of legs booked together.
 *
 * @param id          unique id; booking the same id twice books it once
 * @param at          booking time
 * @param purchaseId  purchase concerned, or null
 * @param description what happened, e.g. {@code debit settled}
 * @param legs        at least two legs summing to zero per currency
 */
public record Posting(String id, Instant at, String purchaseId, String description, List<PostingLeg> legs) {

    /** Copies the legs. */
    public Posting {
        legs = List.copyOf(legs);
    }
}
