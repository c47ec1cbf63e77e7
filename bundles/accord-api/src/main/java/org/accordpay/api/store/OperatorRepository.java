package org.accordpay.api.store;

import java.util.List;
import java.util.Optional;
import org.accordpay.api.store.dto.OperatorRecord;

/**
 * Operator accounts of the operator console.
 *
 * @since 1.4
 */
@org.osgi.annotation.versioning.ProviderType
public interface OperatorRepository {

    /**
     * Stores a new account.
     *
     * @throws StoreException when the login is taken
     */
    void insert(OperatorRecord operator);

    /** @return the account, if any */
    Optional<OperatorRecord> find(String login);

    /** @return the account locked for update until the transaction ends, if any */
    Optional<OperatorRecord> lockForUpdate(String login);

    /** @return every account, by login */
    List<OperatorRecord> list();

    /**
     * Writes the account's failures, lock-out and last code step (login, role and secrets do not change).
     *
     * @throws StoreException when there is no such account
     */
    void update(OperatorRecord operator);

    /** @return true when an account was deleted */
    boolean delete(String login);
}
