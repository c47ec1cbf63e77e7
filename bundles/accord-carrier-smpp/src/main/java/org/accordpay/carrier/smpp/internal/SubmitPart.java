package org.accordpay.carrier.smpp.internal;

/**
 * One submit_sm worth of message: what goes into data_coding, esm_class and short_message.
 *
 * @param dataCoding   SMPP data_coding
 * @param esmClass     SMPP esm_class (0x40 when short_message starts with a user data header)
 * @param shortMessage user data header, if any, then the payload
 */
record SubmitPart(byte dataCoding, byte esmClass, byte[] shortMessage) {
}
