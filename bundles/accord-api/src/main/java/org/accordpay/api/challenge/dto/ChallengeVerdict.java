package org.accordpay.api.challenge.dto;

/**
 * The result of an answer.
 *
 * @param outcome     approved, declined, refused or locked
 * @param challengeId the challenge answered, or null when the message could not be attributed
 * @param customerId  the customer, or null when unknown
 * @param purchaseId  the purchase bound to the challenge, or null
 */
public record ChallengeVerdict(Outcome outcome, String challengeId, String customerId, String purchaseId) {
}
