package org.accordpay.api.registry.dto;

import java.time.Instant;

/**
 * One recorded decision about a merchant: application, condition met or withdrawn, admission,
 * refusal, suspension (manual or automatic), reinstatement.
 *
 * @param merchantId the merchant
 * @param at         when
 * @param decision   what was decided, e.g. {@code admitted}, {@code suspended}, {@code condition:terms-accepted}
 * @param actor      who decided: an operator name or {@code quality-monitor}
 * @param reason     why
 */
public record MerchantDecision(String merchantId, Instant at, String decision, String actor, String reason) {
}
