package org.accordpay.payments.internal;

import java.time.Duration;
import org.accordpay.api.purchase.Mode;

/**
 * What the purchase flow is configured with.
 *
 * @param liveBankId          bank connection for live purchases
 * @param testBankId          bank connection for test purchases (must be a test-mode bank)
 * @param receiptTimeout      how long a message handed to a carrier waits for its delivery report before the
 *                            next carrier gets it
 * @param smsHandovers        hand-overs to carriers before a message is given up
 * @param smsSenders          messages handed to carriers at once (fills a carrier's window)
 * @param feeBasisPoints      Accord's fee on each payout, in 1/100 of a percent
 * @param disputeWindow       after shipping, delivery counts as confirmed when nobody objected this long
 * @param shipDeadline        a purchase paid but never shipped this long is cancelled and refunded
 * @param merchantRatePerSecond purchase requests accepted per merchant per second
 */
record PaymentsSettings(String liveBankId, String testBankId, Duration receiptTimeout, int smsHandovers, int smsSenders,
        int feeBasisPoints,
        Duration disputeWindow, Duration shipDeadline, int merchantRatePerSecond) {

    /** Defaults of the embedded distribution. */
    static PaymentsSettings defaults() {
        return new PaymentsSettings("ledger", "ledger", Duration.ofSeconds(60), 3, 16, 100, Duration.ofDays(14), Duration.ofDays(30), 50);
    }

    static PaymentsSettings of(PaymentsConfiguration c) {
        return new PaymentsSettings(c.bank_live(), c.bank_test(),
                Duration.ofSeconds(Math.max(1, c.sms_receipt_timeout_seconds())), Math.max(1, c.sms_handovers()), Math.max(1, c.sms_senders()),
                c.fee_basis_points(),
                Duration.ofHours(c.dispute_window_hours()), Duration.ofHours(c.ship_deadline_hours()),
                c.merchant_rate_per_second());
    }

    String bankFor(Mode mode) {
        return mode == Mode.TEST ? testBankId : liveBankId;
    }
}
