package org.accordpay.audit.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.accordpay.api.audit.AuditTrail;
import org.accordpay.api.audit.dto.AuditEntry;
import org.accordpay.api.audit.dto.AuditVerification;
import org.accordpay.api.store.AccordStore;
import org.accordpay.api.time.AccordClock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the {@link AuditTrail} once the store and the clock are there, with the audit key from
 * the keystore under {@code etc/}, and links the audit log in the background (and once more when
 * deactivated). Holds no state of its own.
 */
@Component(service = AuditTrail.class, configurationPid = "org.accordpay.audit",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = AuditConfiguration.class)
public final class AuditComponent implements AuditTrail {

    private static final Logger LOG = LoggerFactory.getLogger(AuditComponent.class);

    private final AuditKey key;
    private final AuditChainer chainer;
    private final AuditTrailImpl trail;
    private final ScheduledExecutorService scheduler;

    /** Opens (or creates) the audit key and starts the chainer. */
    @Activate
    public AuditComponent(AuditConfiguration config, @Reference AccordStore store, @Reference AccordClock clock)
            throws IOException, GeneralSecurityException {
        this.key = AuditKey.open(Path.of(resolve(config.keystore_path())), config._keystore_password().toCharArray(),
                Path.of(resolve(config.public_key_path())));
        HeadFile heads = new HeadFile(Path.of(resolve(config.heads_file())));
        this.chainer = new AuditChainer(store, clock, key, heads, config.chain_batch());
        this.trail = new AuditTrailImpl(store, key, heads, config.verify_page_size());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "accord-audit-chainer");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(10, config.chain_interval_millis());
        scheduler.scheduleWithFixedDelay(chainer::runLogged, 0, every, TimeUnit.MILLISECONDS);
        LOG.info("Accord audit trail ready (key {}, chaining every {} ms, heads in {})", key.keyId(), every,
                heads.path());
    }

    @Deactivate
    void deactivate() {
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
        chainer.runLogged();
        key.close();
    }

    static String resolve(String path) {
        return path.replace("${karaf.etc}", System.getProperty("karaf.etc", "etc"))
                .replace("${karaf.data}", System.getProperty("karaf.data", "data"));
    }

    @Override
    public List<AuditEntry> forPurchase(String purchaseId) {
        return trail.forPurchase(purchaseId);
    }

    @Override
    public AuditVerification verify() {
        return trail.verify();
    }
}
