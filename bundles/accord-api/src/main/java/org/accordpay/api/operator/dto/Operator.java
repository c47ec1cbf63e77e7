package org.accordpay.api.operator.dto;

import java.time.Instant;

/**
 * One operator account (no secrets).
 *
 * @param login       the operator's login, recorded with each of their actions
 * @param role        what they may do
 * @param createdAt   when the account was created
 * @param lockedUntil until when sign-in is refused after repeated failures, or null
 */
public record Operator(String login, OperatorRole role, Instant createdAt, Instant lockedUntil) {
}
