package org.accordpay.store.internal;

import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.registry.dto.MerchantKey;
import org.accordpay.api.store.MerchantKeyRepository;
import org.accordpay.api.store.StoreException;
import org.accordpay.store.internal.entity.MerchantApiKeyEntity;

/** Merchants' API keys; public keys stored base64 with a unique index (one key, one merchant). */
final class JpaMerchantKeyRepository implements MerchantKeyRepository {

    private final JpaStoreTransaction tx;

    JpaMerchantKeyRepository(JpaStoreTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void insert(MerchantKey key) {
        MerchantApiKeyEntity e = new MerchantApiKeyEntity();
        e.keyId = key.keyId();
        e.merchantId = key.merchantId();
        e.mode = key.mode().name();
        e.publicKey = Base64.getEncoder().encodeToString(key.publicKey());
        e.createdAt = Times.toMicros(key.createdAt());
        e.revokedAt = key.revokedAt() == null ? null : Times.toMicros(key.revokedAt());
        try {
            tx.em().persist(e);
            tx.em().flush();
        } catch (PersistenceException ex) {
            if (Errors.isConstraintViolation(ex)) {
                throw new StoreException("key " + key.keyId() + " or its public key already exists", ex);
            }
            throw ex;
        }
    }

    @Override
    public Optional<MerchantKey> find(String keyId) {
        return Optional.ofNullable(tx.em().find(MerchantApiKeyEntity.class, keyId)).map(JpaMerchantKeyRepository::toKey);
    }

    @Override
    public List<MerchantKey> forMerchant(String merchantId) {
        return tx.em().createQuery("select k from MerchantApiKeyEntity k where k.merchantId = :m"
                        + " order by k.createdAt, k.keyId", MerchantApiKeyEntity.class)
                .setParameter("m", merchantId).getResultList().stream().map(JpaMerchantKeyRepository::toKey).toList();
    }

    @Override
    public void revoke(String keyId, Instant at) {
        MerchantApiKeyEntity e = tx.em().find(MerchantApiKeyEntity.class, keyId);
        if (e == null) {
            throw new StoreException("no key " + keyId);
        }
        e.revokedAt = Times.toMicros(at);
        tx.em().flush();
    }

    private static MerchantKey toKey(MerchantApiKeyEntity e) {
        return new MerchantKey(e.keyId, e.merchantId, Mode.valueOf(e.mode), Base64.getDecoder().decode(e.publicKey),
                Times.fromMicros(e.createdAt), e.revokedAt == null ? null : Times.fromMicros(e.revokedAt));
    }
}
