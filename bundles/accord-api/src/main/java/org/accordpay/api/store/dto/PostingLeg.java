package org.accordpay.api.store.dto;

import org.accordpay.api.money.Money;

/**
 * One side of a posting: positive amounts are debits to the account, negative credits.
 *
 * @param account ledger account name, e.g. {@code escrow} or {@code customer:42}
 * @param amount  signed amount
 */
public record PostingLeg(String account, Money amount) {
}
