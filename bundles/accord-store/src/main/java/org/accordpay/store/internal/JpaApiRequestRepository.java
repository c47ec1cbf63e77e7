package org.accordpay.store.internal;

import jakarta.persistence.PersistenceException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.accordpay.api.store.ApiRequestRepository;
import org.accordpay.api.store.StoreException;
import org.accordpay.api.store.dto.IdempotencyRecord;
import org.accordpay.store.internal.entity.ApiIdempotencyEntity;
import org.accordpay.store.internal.entity.ApiSignatureSeenEntity;

/** Idempotency keys and seen signatures; a duplicate insert is a constraint violation, never a silent merge. */
final class JpaApiRequestRepository implements ApiRequestRepository {

    private final JpaStoreTransaction tx;

    JpaApiRequestRepository(JpaStoreTransaction tx) {
        this.tx = tx;
    }

    static String id(String merchantId, String key) {
        return merchantId.length() + ":" + merchantId + key;
    }

    @Override
    public Optional<IdempotencyRecord> findIdempotency(String merchantId, String idempotencyKey) {
        return Optional.ofNullable(tx.em().find(ApiIdempotencyEntity.class, id(merchantId, idempotencyKey)))
                .map(e -> new IdempotencyRecord(e.merchantId, e.idempotencyKey, e.requestHash, e.status,
                        e.body == null ? null : new String(e.body, StandardCharsets.UTF_8),
                        Times.fromMicros(e.createdAt)));
    }

    @Override
    public void claimIdempotency(IdempotencyRecord r) {
        ApiIdempotencyEntity e = new ApiIdempotencyEntity();
        e.id = id(r.merchantId(), r.idempotencyKey());
        e.merchantId = r.merchantId();
        e.idempotencyKey = r.idempotencyKey();
        e.requestHash = r.requestHash();
        e.status = r.status();
        e.body = r.body() == null ? null : r.body().getBytes(StandardCharsets.UTF_8);
        e.createdAt = Times.toMicros(r.createdAt());
        try {
            tx.em().persist(e);
            tx.em().flush();
        } catch (PersistenceException ex) {
            if (Errors.isConstraintViolation(ex)) {
                throw new StoreException("idempotency key already claimed", ex);
            }
            throw ex;
        }
    }

    @Override
    public void completeIdempotency(String merchantId, String idempotencyKey, int status, String body) {
        ApiIdempotencyEntity e = tx.em().find(ApiIdempotencyEntity.class, id(merchantId, idempotencyKey));
        if (e == null) {
            throw new StoreException("idempotency key not claimed");
        }
        e.status = status;
        e.body = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        tx.em().flush();
    }

    @Override
    public void releaseIdempotency(String merchantId, String idempotencyKey) {
        ApiIdempotencyEntity e = tx.em().find(ApiIdempotencyEntity.class, id(merchantId, idempotencyKey));
        if (e != null) {
            tx.em().remove(e);
            tx.em().flush();
        }
    }

    @Override
    public int purgeIdempotency(Instant before) {
        return tx.em().createQuery("delete from ApiIdempotencyEntity e where e.createdAt < :t")
                .setParameter("t", Times.toMicros(before)).executeUpdate();
    }

    @Override
    public boolean rememberSignature(String digest, String keyId, Instant at) {
        if (tx.em().find(ApiSignatureSeenEntity.class, digest) != null) {
            return false;
        }
        ApiSignatureSeenEntity e = new ApiSignatureSeenEntity();
        e.digest = digest;
        e.keyId = keyId;
        e.seenAt = Times.toMicros(at);
        try {
            tx.em().persist(e);
            tx.em().flush();
        } catch (PersistenceException ex) {
            if (Errors.isConstraintViolation(ex)) {
                throw new StoreException("signature already seen", ex);
            }
            throw ex;
        }
        return true;
    }

    @Override
    public int purgeSignatures(Instant before) {
        return tx.em().createQuery("delete from ApiSignatureSeenEntity e where e.seenAt < :t")
                .setParameter("t", Times.toMicros(before)).executeUpdate();
    }
}
