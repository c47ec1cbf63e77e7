package org.accordpay.carrier.loopback;

/** How a simulated handset answers the challenges it is shown. */
public enum HandsetPolicy {
    /** Approves at once with its PIN (Accord says APPROVED). */
    APPROVE,
    /** Declines at once with its PIN (Accord says DECLINED). */
    DECLINE,
    /** Approves with a wrong PIN: a well-formed, signed response that Accord refuses and counts. */
    WRONG_PIN,
    /** Never answers: the challenge expires at Accord. */
    IGNORE,
    /** Keeps the challenge pending until {@link SimulatedHandsets#answer} is called. */
    MANUAL
}
