package org.accordpay.api.operator;

import java.util.List;
import java.util.Optional;
import org.accordpay.api.operator.dto.Operator;
import org.accordpay.api.operator.dto.OperatorEnrolment;
import org.accordpay.api.operator.dto.OperatorRole;

/**
 * Accord's operators: accounts with a role, a password (Argon2id) and a second factor (TOTP,
 * RFC 6238); sign-in with lock-out; operator actions recorded in the audit trail with the login.
 */
@org.osgi.annotation.versioning.ProviderType
public interface OperatorAccounts {

    /**
     * Creates an account with a generated password and TOTP secret (audited as done by {@code actor}).
     *
     * @param login letters, digits, '.', '-', '_' (2..64)
     * @param role  what the operator may do
     * @param actor who creates it, e.g. the shell user
     * @return the account, with its password and otpauth URI: shown once, never stored in clear
     * @throws OperatorException {@link OperatorException#ALREADY_EXISTS}, {@link OperatorException#INVALID_FIELD}
     */
    OperatorEnrolment add(String login, OperatorRole role, String actor);

    /** @return every account, by login */
    List<Operator> list();

    /** @return the account, if any */
    Optional<Operator> find(String login);

    /**
     * Removes an account (audited as done by {@code actor}).
     *
     * @throws OperatorException {@link OperatorException#UNKNOWN_OPERATOR}
     */
    void remove(String login, String actor);

    /**
     * Signs an operator in: the password and the current TOTP code (accepted one 30-second step either
     * side; a code already used is refused). Failures are counted per account and lock it for a while
     * after too many; a success resets the count. Successes and failures are audited.
     *
     * @param login    the login
     * @param password the password (cleared by this call)
     * @param code     the 6-digit code of the authenticator app
     * @return the signed-in operator
     * @throws OperatorException {@link OperatorException#WRONG_CREDENTIALS} (unknown login, wrong password or
     *                           code, reused code: the same reason), {@link OperatorException#LOCKED_OUT}
     */
    Operator signIn(String login, char[] password, String code);

    /**
     * Records an operator's action in the audit trail (type {@code operator.<action>}).
     *
     * @param login   who did it
     * @param action  what, e.g. {@code feature-installed}
     * @param subject on what, e.g. a feature name
     * @param detail  free text (a reason), or null
     */
    void record(String login, String action, String subject, String detail);
}
