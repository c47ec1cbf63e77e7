package org.accordpay.api.store;

/** The repositories available inside one transaction. Valid only while the work runs. */
@org.osgi.annotation.versioning.ProviderType
public interface StoreTransaction {

    /** @return purchases and their state */
    PurchaseRepository purchases();

    /** @return the transactional outbox of messages and bank calls leaving the process */
    OutboxRepository outbox();

    /** @return the double-entry escrow ledger */
    LedgerRepository ledger();

    /** @return the audit log, written unlinked in this transaction */
    AuditLog audit();

    /** @return the audit chain: linking entries and signed heads (the audit chainer's side of {@link #audit()}) */
    AuditChainRepository auditChain();

    /** @return customers' credentials (device keys, identification table, lock-out) */
    CredentialRepository credentials();

    /** @return challenges and the used-cell log */
    ChallengeRepository challenges();

    /** @return bank instructions and their statuses */
    BankInstructionRepository bankInstructions();

    /** @return events for merchants */
    MerchantEventRepository merchantEvents();

    /** @return the registry's customers */
    CustomerRepository customers();

    /** @return the registry's merchants and the decisions about them */
    MerchantRepository merchants();

    /** @return customer enrolments (one-time codes kept hashed) */
    EnrolmentRepository enrolments();

    /**
     * @return the merchants' API signing keys
     * @since 1.1
     */
    default MerchantKeyRepository merchantKeys() {
        throw new UnsupportedOperationException("merchant keys not supported by this store");
    }

    /**
     * @return idempotency keys and seen request signatures of the merchant API
     * @since 1.1
     */
    default ApiRequestRepository apiRequests() {
        throw new UnsupportedOperationException("API requests not supported by this store");
    }

    /** @return merchants' webhook endpoints and their delivery cursors */
    WebhookRepository webhooks();

    /**
     * @return merchants' registered return URLs
     * @since 1.2
     */
    default ReturnUrlRepository returnUrls() {
        throw new UnsupportedOperationException("return URLs not supported by this store");
    }

    /**
     * @return merchants' identification tables and the challenges issued on them
     * @since 1.4
     */
    default MerchantTableRepository merchantTables() {
        throw new UnsupportedOperationException("merchant tables not supported by this store");
    }

    /**
     * @return the operator console's accounts
     * @since 1.4
     */
    default OperatorRepository operators() {
        throw new UnsupportedOperationException("operator accounts not supported by this store");
    }

    /**
     * @return the merchant console's accounts
     * @since 1.4
     */
    default MerchantUserRepository merchantUsers() {
        throw new UnsupportedOperationException("merchant console accounts not supported by this store");
    }
}
