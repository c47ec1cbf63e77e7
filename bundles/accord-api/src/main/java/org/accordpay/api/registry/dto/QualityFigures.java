package org.accordpay.api.registry.dto;

/**
 * A merchant's quality figures, counted over its paid purchases.
 *
 * @param paid     purchases paid into escrow
 * @param refunded purchases refunded (fully or partly)
 * @param disputed purchases disputed by the customer
 */
public record QualityFigures(long paid, long refunded, long disputed) {
    /** @return disputed / paid, 0 when nothing was paid */
    public double disputeRate() {
        return paid == 0 ? 0 : (double) disputed / paid;
    }

    /** @return refunded / paid, 0 when nothing was paid */
    public double refundRate() {
        return paid == 0 ? 0 : (double) refunded / paid;
    }
}
