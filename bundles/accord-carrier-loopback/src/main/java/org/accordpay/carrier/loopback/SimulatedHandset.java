package org.accordpay.carrier.loopback;

/**
 * What a simulated handset looks like from outside.
 *
 * @param phoneE164          its number, E.164
 * @param policy             how it answers challenges
 * @param enrolled           true once a provisioning package is installed
 * @param remainingCells     cells of its table neither used nor erased (0 before enrolment)
 * @param challengesSeen     challenges shown on its screen since the carrier started
 * @param challengesAnswered responses it sent since the carrier started
 * @param pending            true when a challenge waits for an answer (MANUAL or IGNORE)
 */
public record SimulatedHandset(String phoneE164, HandsetPolicy policy, boolean enrolled, int remainingCells,
        long challengesSeen, long challengesAnswered, boolean pending) {
}
