package org.accordpay.api.registry;

import java.util.List;
import java.util.Optional;
import org.accordpay.api.registry.dto.MerchantUser;

/**
 * The merchant console's accounts: people of a merchant sign in with a login (e-mail or user name)
 * and a password kept as an Argon2id hash, as the customers' console passwords. Accounts are created
 * and reset by operators; every change is an audit entry.
 *
 * @since 1.2
 */
@org.osgi.annotation.versioning.ProviderType
public interface MerchantUsers {

    /**
     * Creates an account for a merchant.
     *
     * @param login    e-mail or user name, 3 to 128 of {@code a-z 0-9 . _ @ + -} (case does not matter)
     * @param password 10 to 128 characters; the array is cleared
     * @param actor    who creates it (operator), for the audit trail
     * @throws RegistryException unknown merchant ({@link RegistryException#UNKNOWN_MERCHANT}), invalid login or
     *                           password, or a login already taken ({@link RegistryException#INVALID_FIELD})
     */
    MerchantUser add(String merchantId, String login, char[] password, String actor);

    /**
     * Sets a new password for an account.
     *
     * @param password 10 to 128 characters; the array is cleared
     * @throws RegistryException unknown login or invalid password ({@link RegistryException#INVALID_FIELD})
     */
    MerchantUser resetPassword(String login, char[] password, String actor);

    /**
     * Checks a console password (constant work whether or not the login exists).
     *
     * @return the account when the login and password match
     */
    Optional<MerchantUser> authenticate(String login, char[] password);

    /** @return the merchant's accounts, oldest first */
    List<MerchantUser> forMerchant(String merchantId);
}
