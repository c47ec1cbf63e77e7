package org.accordpay.store.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Hashtable;
import java.util.Objects;
import org.accordpay.api.fault.FaultPoint;
import org.accordpay.api.store.AccordStore;
import org.accordpay.api.time.AccordClock;
import org.accordpay.api.store.dto.PendingWork;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the store in the background and registers {@link AccordStore} once the database is
 * reachable, migrated and validated. The service is absent while the database is not.
 */
@Component(immediate = true, configurationPid = StoreComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, service = {})
@Designate(ocd = StoreConfig.class)
public class StoreComponent {

    static final String PID = "org.accordpay.store";
    static final String DEFAULT_URL = "jdbc:h2:${karaf.data}/accord/accord";

    private static final Logger LOG = LoggerFactory.getLogger(StoreComponent.class);

    /** Accord's one clock: every time the store writes comes from it. */
    @Reference
    AccordClock clock;

    private BundleContext context;
    private StoreSettings settings;
    private Starter starter;

    @Activate
    void activate(BundleContext context, StoreConfig config) {
        this.context = context;
        start(settingsOf(config));
    }

    @Modified
    void modified(StoreConfig config) {
        StoreSettings next = settingsOf(config);
        StoreSettings current;
        Starter running;
        synchronized (this) {
            current = settings;
            running = starter;
        }
        if (next.equals(current)) {
            return;
        }
        JpaStore store = running == null ? null : running.store();
        if (!next.sameDatabase(current) && store != null) {
            PendingWork pending;
            try {
                pending = store.pendingWork();
            } catch (RuntimeException e) {
                String problem = "refusing to switch store to " + next.safeUrl()
                        + ": cannot check the old database for unfinished work (" + Errors.message(e) + ")";
                LOG.error("Accord store: {}", problem);
                store.setProblem(problem);
                return;
            }
            if (!pending.isEmpty()) {
                String problem = "refusing to switch store to " + next.safeUrl()
                        + ": old database still holds unfinished work: " + pending;
                LOG.error("Accord store: {}", problem);
                store.setProblem(problem);
                return;
            }
            LOG.info("Accord store: switching from {} to {} (no unfinished work)", current.safeUrl(), next.safeUrl());
        }
        stop();
        start(next);
    }

    @Deactivate
    void deactivate() {
        stop();
    }

    private synchronized void start(StoreSettings s) {
        settings = s;
        starter = new Starter(context, s, StoreComponent.class.getClassLoader(), clock.asClock());
        Thread t = new Thread(starter, "accord-store-start");
        t.setDaemon(true);
        starter.thread = t;
        t.start();
    }

    private void stop() {
        Starter s;
        synchronized (this) {
            s = starter;
            starter = null;
        }
        if (s != null) {
            s.stop();
        }
    }

    static StoreSettings settingsOf(StoreConfig c) {
        return StoreSettings.of(c.url(), c.user(), c.password(), c.pool_size(), c.connect_retry_seconds());
    }

    /** Connects with retries, then registers the service; {@link #stop} undoes everything. */
    static final class Starter implements Runnable {

        private final BundleContext context;
        private final StoreSettings settings;
        private final ClassLoader loader;
        private final Clock clock;
        private volatile Thread thread;
        private volatile boolean stopped;
        private JpaStore store;
        private ServiceRegistration<AccordStore> registration;

        Starter(BundleContext context, StoreSettings settings, ClassLoader loader, Clock clock) {
            this.context = context;
            this.settings = settings;
            this.loader = loader;
            this.clock = clock;
        }

        synchronized JpaStore store() {
            return store;
        }

        @Override
        public void run() {
            String lastReason = null;
            while (!stopped) {
                try {
                    JpaStore opened = JpaStore.open(settings, loader, clock);
                    synchronized (this) {
                        if (stopped) {
                            opened.close();
                            return;
                        }
                        store = opened;
                        Hashtable<String, Object> props = new Hashtable<>();
                        props.put("accord.store.url", opened.safeUrl());
                        props.put("accord.store.database", opened.info().database());
                        FaultPoint.reach("store.ready");
                        registration = context.registerService(AccordStore.class, opened, props);
                    }
                    LOG.info("Accord store ready on {} ({}, schema {})", settings.safeUrl(),
                            opened.info().database(), opened.info().schemaVersion());
                    return;
                } catch (SQLException e) {
                    String reason = Errors.message(e);
                    if (!Objects.equals(reason, lastReason)) {
                        LOG.warn("Accord store: database {} unreachable ({}), retrying every {} s",
                                settings.safeUrl(), reason, settings.retrySeconds());
                        lastReason = reason;
                    }
                } catch (RuntimeException | LinkageError e) {
                    String reason = Errors.message(e);
                    if (!Objects.equals(reason, lastReason)) {
                        LOG.error("Accord store: cannot start on {} ({}), retrying every {} s",
                                settings.safeUrl(), reason, settings.retrySeconds(), e);
                        lastReason = reason;
                    }
                }
                try {
                    Thread.sleep(settings.retrySeconds() * 1000L);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() {
            stopped = true;
            Thread t = thread;
            if (t != null && t != Thread.currentThread()) {
                t.interrupt();
                try {
                    t.join(30_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            ServiceRegistration<AccordStore> reg;
            JpaStore s;
            synchronized (this) {
                reg = registration;
                s = store;
                registration = null;
                store = null;
            }
            if (reg != null) {
                try {
                    reg.unregister();
                } catch (IllegalStateException alreadyGone) {
                    // bundle stopping
                }
            }
            if (s != null) {
                s.close();
                LOG.info("Accord store closed on {}", settings.safeUrl());
            }
        }
    }
}
