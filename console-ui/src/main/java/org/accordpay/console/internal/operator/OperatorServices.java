package org.accordpay.console.internal.operator;

import java.util.concurrent.ScheduledExecutorService;
import org.accordpay.api.audit.AuditTrail;
import org.accordpay.api.operator.OperatorAccounts;
import org.accordpay.api.registry.CustomerRegistry;
import org.accordpay.api.registry.MerchantRegistry;
import org.accordpay.api.routing.SmsRouting;
import org.accordpay.api.time.AccordClock;

/**
 * What the operator views need, handed over by {@link OperatorConsoleServer}.
 *
 * @param accounts  operator accounts (sign-in, audit of actions)
 * @param routing   carriers and their health
 * @param traffic   sampled message rates and outbox figures
 * @param features  connector features and their bundles
 * @param merchants the merchant registry (admission, suspension)
 * @param customers the customer registry (locked-out customers)
 * @param audit     the audit trail (verification)
 * @param clock     Accord's clock
 * @param refresh   runs the views' periodic updates
 * @param refreshSeconds seconds between two updates
 */
record OperatorServices(OperatorAccounts accounts, SmsRouting routing, TrafficSampler traffic,
        ConnectorFeatures features, MerchantRegistry merchants, CustomerRegistry customers, AuditTrail audit,
        AccordClock clock, ScheduledExecutorService refresh, int refreshSeconds) {
}
