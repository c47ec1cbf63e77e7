package org.accordpay.store.internal;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import org.accordpay.api.store.AuditChainRepository;
import org.accordpay.api.store.AuditLog;
import org.accordpay.api.store.ChallengeRepository;
import org.accordpay.api.store.CredentialRepository;
import org.accordpay.api.store.LedgerRepository;
import org.accordpay.api.store.OutboxRepository;
import org.accordpay.api.store.PurchaseRepository;
import org.accordpay.api.store.StoreTransaction;

/** Repositories bound to one {@link EntityManager}; unusable once the work has returned. */
final class JpaStoreTransaction implements StoreTransaction {

    private final EntityManager em;
    private final JpaPurchaseRepository purchases;
    private final JpaOutboxRepository outbox;
    private final JpaLedgerRepository ledger;
    private final JpaAuditLog audit;
    private final JpaAuditChainRepository auditChain;
    private final JpaCredentialRepository credentials;
    private final JpaChallengeRepository challenges;
    private final JpaBankInstructionRepository bankInstructions;
    private final JpaMerchantEventRepository merchantEvents;
    private final JpaWebhookRepository webhooks;
    private final JpaCustomerRepository customers;
    private final JpaMerchantRepository merchants;
    private final JpaEnrolmentRepository enrolments;
    private final JpaMerchantKeyRepository merchantKeys;
    private final JpaApiRequestRepository apiRequests;
    private final JpaReturnUrlRepository returnUrls;
    private final JpaMerchantTableRepository merchantTables;
    private final JpaOperatorRepository operators;
    private final JpaMerchantUserRepository merchantUsers;
    private volatile boolean closed;

    JpaStoreTransaction(EntityManager em, Clock clock) {
        this.em = em;
        this.purchases = new JpaPurchaseRepository(this);
        this.outbox = new JpaOutboxRepository(this);
        this.ledger = new JpaLedgerRepository(this);
        this.audit = new JpaAuditLog(this, clock);
        this.auditChain = new JpaAuditChainRepository(this);
        this.credentials = new JpaCredentialRepository(this);
        this.challenges = new JpaChallengeRepository(this);
        this.bankInstructions = new JpaBankInstructionRepository(this);
        this.merchantEvents = new JpaMerchantEventRepository(this);
        this.webhooks = new JpaWebhookRepository(this);
        this.customers = new JpaCustomerRepository(this);
        this.merchants = new JpaMerchantRepository(this);
        this.enrolments = new JpaEnrolmentRepository(this);
        this.merchantKeys = new JpaMerchantKeyRepository(this);
        this.apiRequests = new JpaApiRequestRepository(this);
        this.returnUrls = new JpaReturnUrlRepository(this);
        this.merchantTables = new JpaMerchantTableRepository(this);
        this.operators = new JpaOperatorRepository(this);
        this.merchantUsers = new JpaMerchantUserRepository(this);
    }

    /** @return the entity manager, if the transaction is still running */
    EntityManager em() {
        if (closed) {
            throw new IllegalStateException("store transaction already ended");
        }
        return em;
    }

    void close() {
        closed = true;
    }

    /** Merchant events appended in this transaction, numbered and inserted by {@link #beforeCommit}. */
    private final java.util.List<org.accordpay.store.internal.entity.MerchantEventEntity> events =
            new java.util.ArrayList<>();

    void numberAtCommit(org.accordpay.store.internal.entity.MerchantEventEntity event) {
        em();
        events.add(event);
    }

    /**
     * Numbers and inserts the merchant events appended in this transaction. The counter row is locked
     * last, just before the commit, and held until it: numbers follow commit order without gaps (a
     * rollback undoes the count too), and since no lock is taken after it, it cannot close a deadlock.
     */
    void beforeCommit() {
        if (events.isEmpty()) {
            return;
        }
        EntityManager em = em();
        em.flush();
        long last = sql(c -> {
            try (java.sql.PreparedStatement up = c.prepareStatement(
                    "UPDATE merchant_event_counter SET last_seq = last_seq + ? WHERE id = 1")) {
                up.setLong(1, events.size());
                if (up.executeUpdate() != 1) {
                    throw new org.accordpay.api.store.StoreException("merchant_event_counter has no row 1");
                }
            }
            try (java.sql.PreparedStatement read = c.prepareStatement(
                    "SELECT last_seq FROM merchant_event_counter WHERE id = 1");
                    java.sql.ResultSet rs = read.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        long seq = last - events.size();
        for (var e : events) {
            e.seq = ++seq;
            em.persist(e);
        }
        events.clear();
        em.flush();
    }

    /** Statements run on this transaction's connection, around Hibernate: the outbox's batch paths. */
    interface Sql<T> {
        T run(java.sql.Connection connection) throws java.sql.SQLException;
    }

    /**
     * Runs plain JDBC in this transaction, after flushing what Hibernate holds, for the few hot paths where
     * mapping rows to managed entities costs more than the statements (the SMS outbox's batches).
     */
    <T> T sql(Sql<T> work) {
        EntityManager em = em();
        em.flush();
        return em.unwrap(org.hibernate.Session.class).doReturningWork(work::run);
    }

    @Override
    public PurchaseRepository purchases() {
        em();
        return purchases;
    }

    @Override
    public OutboxRepository outbox() {
        em();
        return outbox;
    }

    @Override
    public LedgerRepository ledger() {
        em();
        return ledger;
    }

    @Override
    public AuditLog audit() {
        em();
        return audit;
    }

    @Override
    public AuditChainRepository auditChain() {
        em();
        return auditChain;
    }

    @Override
    public CredentialRepository credentials() {
        em();
        return credentials;
    }

    @Override
    public ChallengeRepository challenges() {
        em();
        return challenges;
    }

    @Override
    public org.accordpay.api.store.BankInstructionRepository bankInstructions() {
        em();
        return bankInstructions;
    }

    @Override
    public org.accordpay.api.store.MerchantEventRepository merchantEvents() {
        em();
        return merchantEvents;
    }

    @Override
    public org.accordpay.api.store.CustomerRepository customers() {
        em();
        return customers;
    }

    @Override
    public org.accordpay.api.store.MerchantRepository merchants() {
        em();
        return merchants;
    }

    @Override
    public org.accordpay.api.store.EnrolmentRepository enrolments() {
        em();
        return enrolments;
    }

    @Override
    public org.accordpay.api.store.MerchantKeyRepository merchantKeys() {
        em();
        return merchantKeys;
    }

    @Override
    public org.accordpay.api.store.ApiRequestRepository apiRequests() {
        em();
        return apiRequests;
    }

    @Override
    public org.accordpay.api.store.WebhookRepository webhooks() {
        em();
        return webhooks;
    }

    @Override
    public org.accordpay.api.store.ReturnUrlRepository returnUrls() {
        em();
        return returnUrls;
    }

    @Override
    public org.accordpay.api.store.MerchantTableRepository merchantTables() {
        em();
        return merchantTables;
    }

    @Override
    public org.accordpay.api.store.OperatorRepository operators() {
        em();
        return operators;
    }

    @Override
    public org.accordpay.api.store.MerchantUserRepository merchantUsers() {
        em();
        return merchantUsers;
    }
}
