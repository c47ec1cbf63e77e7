package org.accordpay.api.store;

import org.accordpay.api.money.Money;
import org.accordpay.api.store.dto.Posting;

/** Accord's double-entry books: every posting's legs sum to zero in each currency. */
@org.osgi.annotation.versioning.ProviderType
public interface LedgerRepository {

    /** Account holding customers' money between debit and payout. */
    String ESCROW_ACCOUNT = "escrow";

    /**
     * Records a posting once.
     *
     * @return true when recorded, false when a posting with the same id already exists
     *         (a retry: nothing is booked twice)
     * @throws IllegalArgumentException when the legs do not balance
     */
    boolean post(Posting posting);

    /** @return the balance of an account in a currency (zero if never used) */
    Money balance(String account, String currency);

    /** @return every account's balance per currency, non-zero ones only, by account then currency */
    java.util.List<org.accordpay.api.store.dto.PostingLeg> balances();
}
