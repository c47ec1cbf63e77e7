package org.accordpay.store.internal.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Row of {@code ledger_leg}: positive debits the account, negative credits it. */
@Embeddable
public class LedgerLegLine {

    @Column(name = "account", length = 128, nullable = false)
    public String account;

    @Column(name = "amount_minor", nullable = false)
    public long amountMinor;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "currency", length = 3, nullable = false)
    public String currency;

    public LedgerLegLine() {
    }

    public LedgerLegLine(String account, long amountMinor, String currency) {
        this.account = account;
        this.amountMinor = amountMinor;
        this.currency = currency;
    }
}
