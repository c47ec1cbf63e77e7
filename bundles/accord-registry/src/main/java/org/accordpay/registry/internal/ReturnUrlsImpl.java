package org.accordpay.registry.internal;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.registry.RegistryException;
import org.accordpay.api.registry.ReturnUrls;
import org.accordpay.api.store.AccordStore;
import org.accordpay.api.store.StoreException;
import org.accordpay.api.store.StoreTransaction;
import org.accordpay.api.store.dto.ReturnUrlRecord;
import org.accordpay.api.time.AccordClock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Merchants' return URLs in the store; each registration and removal is an audit entry in its transaction. */
@Component(service = ReturnUrls.class)
public final class ReturnUrlsImpl implements ReturnUrls {

    private final AccordStore store;
    private final AccordClock clock;
    private final SecureRandom random = new SecureRandom();

    /** Needs the store and the clock. */
    @Activate
    public ReturnUrlsImpl(@Reference AccordStore store, @Reference AccordClock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Registration register(String merchantId, Mode mode, String url, String actor) {
        String who = ApplicationChecks.text(actor, "actor", 128);
        if (url == null || url.isBlank()) {
            throw new RegistryException(RegistryException.INVALID_FIELD, "the return URL is required");
        }
        ReturnUrls.urlProblem(url, mode).ifPresent(problem -> {
            throw new RegistryException(RegistryException.INVALID_FIELD, problem);
        });
        byte[] id = new byte[10];
        random.nextBytes(id);
        ReturnUrlRecord fresh = new ReturnUrlRecord("rurl_" + HexFormat.of().formatHex(id), merchantId, mode, url,
                clock.now());
        try {
            return store.transact(tx -> {
                ReturnUrlRecord existing = tx.returnUrls().find(merchantId, mode, url).orElse(null);
                if (existing != null) {
                    return new Registration(existing, false);
                }
                if (tx.returnUrls().forMerchant(merchantId, mode).size() >= MAX_PER_MODE) {
                    throw new RegistryException(RegistryException.LIMIT_REACHED, "at most " + MAX_PER_MODE
                            + " return URLs per mode: remove one first");
                }
                tx.returnUrls().insert(fresh);
                audit(tx, "return-url.registered", fresh, who);
                return new Registration(fresh, true);
            });
        } catch (StoreException e) {
            // the same URL registered concurrently: answer that registration
            return new Registration(store.transact(tx -> tx.returnUrls().find(merchantId, mode, url))
                    .orElseThrow(() -> e), false);
        }
    }

    @Override
    public List<ReturnUrlRecord> list(String merchantId, Mode mode) {
        return store.transact(tx -> tx.returnUrls().forMerchant(merchantId, mode));
    }

    @Override
    public boolean remove(String merchantId, Mode mode, String id, String actor) {
        String who = ApplicationChecks.text(actor, "actor", 128);
        return store.transact(tx -> {
            ReturnUrlRecord r = tx.returnUrls().forMerchant(merchantId, mode).stream()
                    .filter(x -> x.id().equals(id)).findFirst().orElse(null);
            if (r == null) {
                return false;
            }
            tx.returnUrls().delete(id);
            audit(tx, "return-url.deleted", r, who);
            return true;
        });
    }

    @Override
    public boolean registered(String merchantId, Mode mode, String url) {
        return url != null && store.transact(tx -> tx.returnUrls().find(merchantId, mode, url)).isPresent();
    }

    private static void audit(StoreTransaction tx, String type, ReturnUrlRecord r, String actor) {
        tx.audit().append(type, null, AuditBody.of(r.id(), r.merchantId(), r.mode().name(), r.url(), actor));
    }
}
