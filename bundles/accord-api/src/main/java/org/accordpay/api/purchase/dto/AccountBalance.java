package org.accordpay.api.purchase.dto;

import org.accordpay.api.money.Money;

/**
 * The balance of one account of Accord's books; positive is a debit balance.
 *
 * @param account e.g. {@code escrow}, {@code bank:ledger}, {@code payable:merchant:m-1}, {@code fees}
 * @param balance signed balance
 */
public record AccountBalance(String account, Money balance) {
}
