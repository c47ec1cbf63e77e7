package org.accordpay.api.purchase.dto;

/**
 * One line of the basket shown on the handset.
 *
 * @param name           product name as the customer will read it
 * @param unitPriceMinor unit price in minor units of the purchase currency, not negative
 * @param quantity       at least 1
 */
public record PurchaseItem(String name, long unitPriceMinor, int quantity) {

    /** Validates the line. */
    public PurchaseItem {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("item name is required");
        }
        if (unitPriceMinor < 0) {
            throw new IllegalArgumentException("unit price must not be negative");
        }
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1");
        }
    }

    /** @return unit price times quantity, in minor units */
    public long lineTotalMinor() {
        return Math.multiplyExact(unitPriceMinor, (long) quantity);
    }
}
