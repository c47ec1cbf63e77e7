package org.accordpay.store.internal;

import jakarta.persistence.PersistenceException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.store.ReturnUrlRepository;
import org.accordpay.api.store.StoreException;
import org.accordpay.api.store.dto.ReturnUrlRecord;
import org.accordpay.store.internal.entity.ReturnUrlEntity;

/** Registered return URLs, unique per merchant and mode by the URL's SHA-256. */
final class JpaReturnUrlRepository implements ReturnUrlRepository {

    private final JpaStoreTransaction tx;

    JpaReturnUrlRepository(JpaStoreTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void insert(ReturnUrlRecord r) {
        ReturnUrlEntity e = new ReturnUrlEntity();
        e.id = r.id();
        e.merchantId = r.merchantId();
        e.mode = r.mode().name();
        e.url = r.url();
        e.urlSha256 = sha256(r.url());
        e.createdAt = Times.toMicros(r.createdAt());
        try {
            tx.em().persist(e);
            tx.em().flush();
        } catch (PersistenceException ex) {
            if (Errors.isConstraintViolation(ex)) {
                throw new StoreException("return URL " + r.id() + " or the same URL for merchant " + r.merchantId()
                        + " already exists", ex);
            }
            throw ex;
        }
    }

    @Override
    public Optional<ReturnUrlRecord> find(String merchantId, Mode mode, String url) {
        return tx.em().createQuery("select r from ReturnUrlEntity r where r.merchantId = :m and r.mode = :mode"
                        + " and r.urlSha256 = :h", ReturnUrlEntity.class)
                .setParameter("m", merchantId).setParameter("mode", mode.name()).setParameter("h", sha256(url))
                .getResultList().stream().filter(e -> e.url.equals(url)).findFirst()
                .map(JpaReturnUrlRepository::toRecord);
    }

    @Override
    public List<ReturnUrlRecord> forMerchant(String merchantId, Mode mode) {
        return tx.em().createQuery("select r from ReturnUrlEntity r where r.merchantId = :m and r.mode = :mode"
                        + " order by r.createdAt, r.id", ReturnUrlEntity.class)
                .setParameter("m", merchantId).setParameter("mode", mode.name()).getResultList().stream()
                .map(JpaReturnUrlRepository::toRecord).toList();
    }

    @Override
    public boolean delete(String id) {
        ReturnUrlEntity e = tx.em().find(ReturnUrlEntity.class, id);
        if (e == null) {
            return false;
        }
        tx.em().remove(e);
        tx.em().flush();
        return true;
    }

    private static ReturnUrlRecord toRecord(ReturnUrlEntity e) {
        return new ReturnUrlRecord(e.id, e.merchantId, Mode.valueOf(e.mode), e.url, Times.fromMicros(e.createdAt));
    }

    static String sha256(String url) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(url.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
