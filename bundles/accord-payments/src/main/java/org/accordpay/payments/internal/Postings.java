package org.accordpay.payments.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.accordpay.api.money.Money;
import org.accordpay.api.store.dto.Posting;
import org.accordpay.api.store.dto.PostingLeg;

/**
 * Accord's chart of accounts and the postings the purchase flow books. Positive amounts are
 * debits. Assets ({@code bank:<id>}: Accord's money at a bank) carry debit balances; what Accord
 * owes ({@code escrow}, {@code payable:...}) and earns ({@code fees}) carry credit balances;
 * {@code loss:returned-debits} is an expense.
 */
final class Postings {

    static final String ESCROW = org.accordpay.api.store.LedgerRepository.ESCROW_ACCOUNT;
    static final String FEES = "fees";
    static final String RETURNED_DEBIT_LOSS = "loss:returned-debits";

    private Postings() {
    }

    static String bank(String bankId) {
        return "bank:" + bankId;
    }

    static String merchantPayable(String merchantId) {
        return "payable:merchant:" + merchantId;
    }

    static String customerPayable(String customerId) {
        return "payable:customer:" + customerId;
    }

    /** Step 6: the customer's money arrived at the bank and is held for the purchase. */
    static Posting debitSettled(String bankId, String purchaseId, Money amount, Instant at) {
        return posting("dbt-settled-" + purchaseId, at, purchaseId, "debit settled into escrow",
                leg(bank(bankId), amount), leg(ESCROW, amount.negate()));
    }

    /** Steps 9-10: delivery confirmed; what is held becomes owed to the merchant, less Accord's fee. */
    static Posting deliveryConfirmed(String purchaseId, String merchantId, Money held, Money fee, Instant at) {
        return posting("delivered-" + purchaseId, at, purchaseId, "delivery confirmed: escrow owed to merchant",
                leg(ESCROW, held), leg(merchantPayable(merchantId), held.minus(fee).negate()), leg(FEES, fee.negate()));
    }

    /** A refund decided: that much of the escrow is owed back to the customer. */
    static Posting refundDecided(String key, String purchaseId, String customerId, Money amount, Instant at) {
        return posting("decided-" + key, at, purchaseId, "refund decided: escrow owed to customer",
                leg(ESCROW, amount), leg(customerPayable(customerId), amount.negate()));
    }

    /** A payout or refund credit settled: the money left Accord's account at the bank. */
    static Posting creditSettled(String key, String bankId, String payable, String purchaseId, Money amount,
            Instant at) {
        return posting("settled-" + key, at, purchaseId, "credit settled", leg(payable, amount),
                leg(bank(bankId), amount.negate()));
    }

    /** The bank took a settled debit back: what was still held is released, the rest is a loss. */
    static Posting debitReturned(String bankId, String purchaseId, Money amount, Money stillHeld, Instant at) {
        return posting("dbt-returned-" + purchaseId, at, purchaseId, "debit returned by the bank",
                leg(bank(bankId), amount.negate()), leg(ESCROW, stillHeld),
                leg(RETURNED_DEBIT_LOSS, amount.minus(stillHeld)));
    }

    private static PostingLeg leg(String account, Money amount) {
        return new PostingLeg(account, amount);
    }

    private static Posting posting(String id, Instant at, String purchaseId, String description, PostingLeg... legs) {
        List<PostingLeg> nonZero = new ArrayList<>();
        for (PostingLeg l : legs) {
            if (l.amount().minorUnits() != 0) {
                nonZero.add(l);
            }
        }
        return new Posting(id, at, purchaseId, description, nonZero);
    }
}
