package org.accordpay.store.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.accordpay.api.registry.dto.EnrolmentState;
import org.accordpay.api.store.ConcurrentUpdateException;
import org.accordpay.api.store.EnrolmentRepository;
import org.accordpay.api.store.StoreException;
import org.accordpay.api.store.dto.EnrolmentRecord;
import org.accordpay.store.internal.entity.EnrolmentEntity;

/** Enrolments; only state, attempts, expiry and update time ever change. */
final class JpaEnrolmentRepository implements EnrolmentRepository {

    private final JpaStoreTransaction tx;

    JpaEnrolmentRepository(JpaStoreTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void insert(EnrolmentRecord r) {
        Objects.requireNonNull(r, "enrolment");
        EnrolmentEntity e = new EnrolmentEntity();
        e.id = Objects.requireNonNull(r.id(), "enrolment id");
        e.customerId = Objects.requireNonNull(r.customerId(), "customer id");
        e.phoneE164 = Objects.requireNonNull(r.phoneE164(), "phone");
        e.nonce = Objects.requireNonNull(r.nonce(), "nonce");
        e.codeSalt = Objects.requireNonNull(r.codeSalt(), "code salt");
        e.codeHash = Objects.requireNonNull(r.codeHash(), "code hash");
        e.createdAt = Times.toMicros(Objects.requireNonNull(r.createdAt(), "createdAt"));
        copy(r, e);
        try {
            tx.em().persist(e);
            tx.em().flush();
        } catch (PersistenceException ex) {
            if (Errors.isConstraintViolation(ex)) {
                throw new StoreException("enrolment " + r.id() + " already exists (or its customer does not)", ex);
            }
            throw ex;
        }
    }

    @Override
    public Optional<EnrolmentRecord> find(String enrolmentId) {
        Objects.requireNonNull(enrolmentId, "enrolment id");
        return Optional.ofNullable(tx.em().find(EnrolmentEntity.class, enrolmentId))
                .map(JpaEnrolmentRepository::toRecord);
    }

    @Override
    public Optional<EnrolmentRecord> lockForUpdate(String enrolmentId) {
        Objects.requireNonNull(enrolmentId, "enrolment id");
        return Optional.ofNullable(tx.em().find(EnrolmentEntity.class, enrolmentId, LockModeType.PESSIMISTIC_WRITE))
                .map(JpaEnrolmentRepository::toRecord);
    }

    @Override
    public void update(EnrolmentRecord r) {
        Objects.requireNonNull(r, "enrolment");
        EntityManager em = tx.em();
        EnrolmentEntity e = em.find(EnrolmentEntity.class, r.id());
        if (e == null) {
            throw new StoreException("enrolment " + r.id() + " does not exist");
        }
        if (e.version != r.version()) {
            throw new ConcurrentUpdateException("enrolment " + r.id() + " is at version " + e.version + ", not "
                    + r.version());
        }
        copy(r, e);
        em.flush();
    }

    @Override
    public List<EnrolmentRecord> forCustomer(String customerId) {
        Objects.requireNonNull(customerId, "customer id");
        return tx.em().createQuery("select e from EnrolmentEntity e where e.customerId = :customer"
                        + " order by e.createdAt, e.id", EnrolmentEntity.class)
                .setParameter("customer", customerId)
                .getResultList().stream().map(JpaEnrolmentRepository::toRecord).toList();
    }

    private static void copy(EnrolmentRecord r, EnrolmentEntity e) {
        e.state = Objects.requireNonNull(r.state(), "state").name();
        e.attempts = r.attempts();
        e.expiresAt = Times.toMicros(Objects.requireNonNull(r.expiresAt(), "expiresAt"));
        e.updatedAt = Times.toMicros(Objects.requireNonNull(r.updatedAt(), "updatedAt"));
    }

    static EnrolmentRecord toRecord(EnrolmentEntity e) {
        return new EnrolmentRecord(e.id, e.customerId, e.phoneE164, e.nonce, e.codeSalt, e.codeHash,
                EnrolmentState.valueOf(e.state), e.attempts, Times.fromMicros(e.createdAt),
                Times.fromMicros(e.expiresAt), Times.fromMicros(e.updatedAt), e.version);
    }
}
