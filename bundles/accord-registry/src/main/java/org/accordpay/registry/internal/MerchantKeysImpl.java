package org.accordpay.registry.internal;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.registry.MerchantKeys;
import org.accordpay.api.registry.RegistryException;
import org.accordpay.api.registry.dto.MerchantKey;
import org.accordpay.api.store.AccordStore;
import org.accordpay.api.store.StoreException;
import org.accordpay.api.time.AccordClock;
import org.accordpay.crypto.Randomness;
import org.accordpay.crypto.protocol.Hex;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Merchants' API signing keys: Ed25519 public keys, at most {@link MerchantKeys#MAX_ACTIVE} active
 * per merchant and mode; every registration and revocation is an audit entry in its transaction.
 * {@link #find} answers from a short-lived cache (every signed API request looks its key up): a revocation
 * through this service empties it at once; one made on another node takes effect here within
 * {@value #CACHE_MILLIS} ms.
 */
@Component(service = MerchantKeys.class)
public final class MerchantKeysImpl implements MerchantKeys {

    /** Length of a raw Ed25519 public key (RFC 8032). */
    static final int ED25519_PUBLIC_KEY_BYTES = 32;

    /** How long a looked-up key is answered from memory. */
    static final long CACHE_MILLIS = 2_000;
    /** Keys kept at most; the cache is emptied when full. */
    private static final int CACHE_MAX = 10_000;

    private final AccordStore store;
    private final AccordClock clock;
    /** Keys looked up lately, with when (System.nanoTime) they were read; absent keys are not kept. */
    private final java.util.Map<String, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();

    private record Cached(MerchantKey key, long readAt) {
    }

    /** Needs the store and the clock. */
    @Activate
    public MerchantKeysImpl(@Reference AccordStore store, @Reference AccordClock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public MerchantKey register(String merchantId, Mode mode, byte[] ed25519PublicKey, String actor) {
        Objects.requireNonNull(mode, "mode");
        String who = ApplicationChecks.text(actor, "actor", 128);
        if (ed25519PublicKey == null || ed25519PublicKey.length != ED25519_PUBLIC_KEY_BYTES) {
            throw new RegistryException(RegistryException.INVALID_FIELD,
                    "an Ed25519 public key is " + ED25519_PUBLIC_KEY_BYTES + " bytes");
        }
        Instant now = clock.now();
        String keyId = (mode == Mode.TEST ? "kt-" : "kl-") + Hex.encode(Randomness.bytes(8));
        MerchantKey key = new MerchantKey(keyId, merchantId, mode, ed25519PublicKey, now, null);
        try {
            return store.transact(tx -> {
                if (merchantId == null || tx.merchants().lockForUpdate(merchantId).isEmpty()) {
                    throw new RegistryException(RegistryException.UNKNOWN_MERCHANT, "no merchant " + merchantId);
                }
                long active = tx.merchantKeys().forMerchant(merchantId).stream()
                        .filter(k -> k.active() && k.mode() == mode).count();
                if (active >= MAX_ACTIVE) {
                    throw new RegistryException(RegistryException.WRONG_STATUS, "merchant " + merchantId
                            + " already has " + MAX_ACTIVE + " active " + mode.name().toLowerCase() + " keys: revoke one first");
                }
                tx.merchantKeys().insert(key);
                tx.audit().append("merchant.key-added", null, AuditBody.of(merchantId, keyId, mode.name(),
                        Base64.getEncoder().encodeToString(ed25519PublicKey), who));
                return key;
            });
        } catch (StoreException e) {
            throw new RegistryException(RegistryException.INVALID_FIELD, "this public key is already registered");
        }
    }

    @Override
    public MerchantKey revoke(String keyId, String actor) {
        String who = ApplicationChecks.text(actor, "actor", 128);
        Instant now = clock.now();
        MerchantKey revoked = store.transact(tx -> {
            MerchantKey key = keyId == null ? null : tx.merchantKeys().find(keyId).orElse(null);
            if (key == null) {
                throw new RegistryException(RegistryException.INVALID_FIELD, "no key " + keyId);
            }
            if (!key.active()) {
                throw new RegistryException(RegistryException.WRONG_STATUS, "key " + keyId + " is already revoked");
            }
            tx.merchantKeys().revoke(keyId, now);
            tx.audit().append("merchant.key-revoked", null, AuditBody.of(key.merchantId(), keyId, who));
            return new MerchantKey(keyId, key.merchantId(), key.mode(), key.publicKey(), key.createdAt(), now);
        });
        cache.remove(keyId); // after the commit: a look-up meanwhile may have cached the key still active
        return revoked;
    }

    @Override
    public Optional<MerchantKey> find(String keyId) {
        if (keyId == null) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        Cached cached = cache.get(keyId);
        if (cached != null && now - cached.readAt() < java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(CACHE_MILLIS)) {
            return Optional.of(cached.key());
        }
        Optional<MerchantKey> key = store.transact(tx -> tx.merchantKeys().find(keyId));
        if (key.isPresent()) {
            if (cache.size() >= CACHE_MAX) {
                cache.clear();
            }
            cache.put(keyId, new Cached(key.get(), now));
        } else {
            cache.remove(keyId);
        }
        return key;
    }

    @Override
    public List<MerchantKey> active(String merchantId) {
        return store.transact(tx -> tx.merchantKeys().forMerchant(merchantId).stream()
                .filter(MerchantKey::active).toList());
    }
}
