package org.accordpay.payments.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.accordpay.payments}. */
@ObjectClassDefinition(name = "Accord payments",
        description = "Purchase flow: banks used, SMS delivery reports, fees, dispute window, caps")
@interface PaymentsConfiguration {
    @AttributeDefinition(name = "Live bank", description = "Bank connection id for live purchases")
    String bank_live() default "ledger";

    @AttributeDefinition(name = "Test bank", description = "Bank connection id for test purchases (a test-mode bank)")
    String bank_test() default "ledger";

    @AttributeDefinition(name = "Delivery report timeout (s)",
            description = "A message handed to a carrier with no delivery report this long goes to the next carrier")
    int sms_receipt_timeout_seconds() default 60;

    @AttributeDefinition(name = "Hand-overs per message",
            description = "Carriers a message is handed to (with no delivery report) before it is given up")
    int sms_handovers() default 3;

    @AttributeDefinition(name = "SMS senders",
            description = "Messages handed to carriers at once (a carrier answers each hand-over; more senders fill its window)")
    int sms_senders() default 16;

    @AttributeDefinition(name = "Fee (basis points)", description = "Accord's fee on each payout, 100 = 1%")
    int fee_basis_points() default 100;

    @AttributeDefinition(name = "Dispute window (hours)",
            description = "After shipping, delivery counts as confirmed when nobody objected this long")
    int dispute_window_hours() default 336;

    @AttributeDefinition(name = "Ship deadline (hours)",
            description = "A purchase paid but never shipped this long is cancelled and refunded")
    int ship_deadline_hours() default 720;

    @AttributeDefinition(name = "Purchases per merchant per second")
    int merchant_rate_per_second() default 50;

    @AttributeDefinition(name = "Sweep interval (ms)",
            description = "How often expired challenges, dispute windows and ship deadlines are looked at")
    int sweep_interval_ms() default 1000;
}
