package org.accordpay.store.internal;

import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.accordpay.api.store.OperatorRepository;
import org.accordpay.api.store.StoreException;
import org.accordpay.api.store.dto.OperatorRecord;
import org.accordpay.store.internal.entity.OperatorAccountEntity;

/** Operator console accounts, one row per login. */
final class JpaOperatorRepository implements OperatorRepository {

    private final JpaStoreTransaction tx;

    JpaOperatorRepository(JpaStoreTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void insert(OperatorRecord operator) {
        Objects.requireNonNull(operator, "operator");
        OperatorAccountEntity e = new OperatorAccountEntity();
        e.login = operator.login();
        e.role = operator.role();
        e.passwordHash = operator.passwordHash();
        e.totpSecret = operator.totpSecret();
        e.createdAt = Times.toMicros(operator.createdAt());
        write(operator, e);
        try {
            tx.em().persist(e);
            tx.em().flush();
        } catch (PersistenceException ex) {
            if (Errors.isConstraintViolation(ex)) {
                throw new StoreException("operator " + operator.login() + " already exists", ex);
            }
            throw ex;
        }
    }

    @Override
    public Optional<OperatorRecord> find(String login) {
        Objects.requireNonNull(login, "login");
        return Optional.ofNullable(tx.em().find(OperatorAccountEntity.class, login)).map(JpaOperatorRepository::toRecord);
    }

    @Override
    public Optional<OperatorRecord> lockForUpdate(String login) {
        Objects.requireNonNull(login, "login");
        return Optional.ofNullable(tx.em().find(OperatorAccountEntity.class, login, LockModeType.PESSIMISTIC_WRITE))
                .map(JpaOperatorRepository::toRecord);
    }

    @Override
    public List<OperatorRecord> list() {
        return tx.em().createQuery("select o from OperatorAccountEntity o order by o.login", OperatorAccountEntity.class)
                .getResultList().stream().map(JpaOperatorRepository::toRecord).toList();
    }

    @Override
    public void update(OperatorRecord operator) {
        OperatorAccountEntity e = tx.em().find(OperatorAccountEntity.class, operator.login());
        if (e == null) {
            throw new StoreException("no operator " + operator.login());
        }
        write(operator, e);
        tx.em().flush();
    }

    @Override
    public boolean delete(String login) {
        OperatorAccountEntity e = tx.em().find(OperatorAccountEntity.class, login);
        if (e == null) {
            return false;
        }
        tx.em().remove(e);
        tx.em().flush();
        return true;
    }

    private static void write(OperatorRecord from, OperatorAccountEntity to) {
        to.failures = from.failures();
        to.lockedUntil = from.lockedUntil() == null ? null : Times.toMicros(from.lockedUntil());
        to.lastCodeStep = from.lastCodeStep();
    }

    private static OperatorRecord toRecord(OperatorAccountEntity e) {
        return new OperatorRecord(e.login, e.role, e.passwordHash, e.totpSecret, e.failures,
                e.lockedUntil == null ? null : Times.fromMicros(e.lockedUntil), e.lastCodeStep,
                Times.fromMicros(e.createdAt));
    }
}
