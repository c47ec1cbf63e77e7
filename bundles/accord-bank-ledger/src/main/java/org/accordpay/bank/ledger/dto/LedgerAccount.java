package org.accordpay.bank.ledger.dto;

import org.accordpay.api.money.Money;

/**
 * One account held at the ledger bank, in one currency.
 *
 * @param iban    the account's IBAN, no spaces
 * @param holder  account holder name
 * @param open    false once the account is closed (it keeps its balance)
 * @param accord  true for Accord's own account at this bank
 * @param balance current balance; may be negative for Accord's account after a return
 */
public record LedgerAccount(String iban, String holder, boolean open, boolean accord, Money balance) {

    /** @return the account's ISO 4217 currency */
    public String currency() {
        return balance.currency();
    }
}
