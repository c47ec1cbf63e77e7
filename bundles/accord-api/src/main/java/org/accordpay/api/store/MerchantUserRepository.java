package org.accordpay.api.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.accordpay.api.store.dto.MerchantUserRecord;

/**
 * Accounts of the merchant console, with their password hashes.
 *
 * @since 1.4
 */
@org.osgi.annotation.versioning.ProviderType
public interface MerchantUserRepository {

    /**
     * Stores a new account.
     *
     * @throws StoreException when its id or its login is already stored
     */
    void insert(MerchantUserRecord user);

    /** @return the account with this login (lower case), if any */
    Optional<MerchantUserRecord> findByLogin(String login);

    /** @return the merchant's accounts, oldest first */
    List<MerchantUserRecord> forMerchant(String merchantId);

    /**
     * Replaces an account's password hash.
     *
     * @throws StoreException when the account does not exist
     */
    void setPassword(String id, String passwordHash, Instant at);
}
