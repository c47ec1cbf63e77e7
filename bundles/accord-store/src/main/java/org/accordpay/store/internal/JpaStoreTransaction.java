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
}
