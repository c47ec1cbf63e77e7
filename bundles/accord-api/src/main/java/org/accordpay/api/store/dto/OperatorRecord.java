package org.accordpay.api.store.dto;

import java.time.Instant;

/**
 * An operator account as stored.
 *
 * @param login        the login (key)
 * @param role         {@code ADMIN} or {@code VIEWER}
 * @param passwordHash Argon2id hash in the PHC string format
 * @param totpSecret   the shared TOTP secret (Base32)
 * @param failures     failed sign-ins since the last success or lock-out
 * @param lockedUntil  until when sign-in is refused, or null
 * @param lastCodeStep the TOTP step of the last accepted code (a code of that step or earlier is refused), or -1
 * @param createdAt    when the account was created
 * @since 1.4
 */
public record OperatorRecord(String login, String role, String passwordHash, String totpSecret, int failures,
        Instant lockedUntil, long lastCodeStep, Instant createdAt) {
}
