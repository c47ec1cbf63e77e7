package org.accordpay.api.operator.dto;

/**
 * A new operator account with its secrets, handed out once and never again.
 *
 * @param operator   the account
 * @param password   the generated password
 * @param otpauthUri the {@code otpauth://totp/} URI of the second factor (RFC 6238, SHA-1, 30 s, 6 digits)
 */
public record OperatorEnrolment(Operator operator, String password, String otpauthUri) {
}
