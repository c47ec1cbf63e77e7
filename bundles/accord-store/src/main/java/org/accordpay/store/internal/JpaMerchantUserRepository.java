package org.accordpay.store.internal;

import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.accordpay.api.store.MerchantUserRepository;
import org.accordpay.api.store.StoreException;
import org.accordpay.api.store.dto.MerchantUserRecord;
import org.accordpay.store.internal.entity.MerchantUserEntity;

/** Merchant console accounts, unique by login. */
final class JpaMerchantUserRepository implements MerchantUserRepository {

    private final JpaStoreTransaction tx;

    JpaMerchantUserRepository(JpaStoreTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void insert(MerchantUserRecord u) {
        MerchantUserEntity e = new MerchantUserEntity();
        e.id = u.id();
        e.merchantId = u.merchantId();
        e.login = u.login();
        e.passwordHash = u.passwordHash();
        e.createdAt = Times.toMicros(u.createdAt());
        e.passwordChangedAt = Times.toMicros(u.passwordChangedAt());
        try {
            tx.em().persist(e);
            tx.em().flush();
        } catch (PersistenceException ex) {
            if (Errors.isConstraintViolation(ex)) {
                throw new StoreException("merchant user " + u.id() + " or login " + u.login() + " already exists", ex);
            }
            throw ex;
        }
    }

    @Override
    public Optional<MerchantUserRecord> findByLogin(String login) {
        return tx.em().createQuery("select u from MerchantUserEntity u where u.login = :l", MerchantUserEntity.class)
                .setParameter("l", login).getResultList().stream().findFirst().map(JpaMerchantUserRepository::toRecord);
    }

    @Override
    public List<MerchantUserRecord> forMerchant(String merchantId) {
        return tx.em().createQuery("select u from MerchantUserEntity u where u.merchantId = :m"
                        + " order by u.createdAt, u.id", MerchantUserEntity.class)
                .setParameter("m", merchantId).getResultList().stream().map(JpaMerchantUserRepository::toRecord)
                .toList();
    }

    @Override
    public void setPassword(String id, String passwordHash, Instant at) {
        MerchantUserEntity e = tx.em().find(MerchantUserEntity.class, id);
        if (e == null) {
            throw new StoreException("no merchant user " + id);
        }
        e.passwordHash = passwordHash;
        e.passwordChangedAt = Times.toMicros(at);
        tx.em().flush();
    }

    private static MerchantUserRecord toRecord(MerchantUserEntity e) {
        return new MerchantUserRecord(e.id, e.merchantId, e.login, e.passwordHash, Times.fromMicros(e.createdAt),
                Times.fromMicros(e.passwordChangedAt));
    }
}
