package org.accordpay.store.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Row of {@code purchase_item}. */
@Embeddable
public class PurchaseItemLine {

    @Column(name = "name", length = 255, nullable = false)
    public String name;

    @Column(name = "unit_price_minor", nullable = false)
    public long unitPriceMinor;

    @Column(name = "quantity", nullable = false)
    public int quantity;

    public PurchaseItemLine() {
    }

    public PurchaseItemLine(String name, long unitPriceMinor, int quantity) {
        this.name = name;
        this.unitPriceMinor = unitPriceMinor;
        this.quantity = quantity;
    }
}
