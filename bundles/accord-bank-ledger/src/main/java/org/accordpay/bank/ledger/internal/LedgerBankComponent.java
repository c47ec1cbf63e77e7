package org.accordpay.bank.ledger.internal;

import java.sql.SQLException;
import java.util.Hashtable;
import java.util.Objects;
import org.accordpay.api.bank.BankConnector;
import org.accordpay.api.bank.BankEvents;
import org.accordpay.api.time.AccordClock;
import org.accordpay.bank.ledger.LedgerBank;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the ledger bank on its own database in the background and registers it as
 * {@link BankConnector} ({@code accord.bank.id}, {@code accord.bank.mode}) and {@link LedgerBank}
 * once the database is reachable; until then there is no service. Outcomes go to whichever
 * {@link BankEvents} is there, whenever it is.
 */
@Component(immediate = true, configurationPid = LedgerBankComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, service = {})
@Designate(ocd = LedgerConfig.class)
public final class LedgerBankComponent {

    static final String PID = "org.accordpay.bank.ledger";

    private static final Logger LOG = LoggerFactory.getLogger(LedgerBankComponent.class);
    private static final long RETRY_MS = 5_000;

    private final BundleContext context;
    private final LedgerSettings settings;
    private final AccordClock clock;
    private final Thread starter;
    private volatile boolean stopped;
    private BankEvents events;
    private LedgerBankEngine engine;
    private ServiceRegistration<?> registration;

    /** Starts opening the database; the services appear when it is reachable. */
    @Activate
    public LedgerBankComponent(BundleContext context, LedgerConfig config, @Reference AccordClock clock) {
        this.context = context;
        this.settings = LedgerSettings.of(config);
        this.clock = clock;
        this.starter = new Thread(this::start, "accord-bank-ledger-start-" + settings.id());
        starter.setDaemon(true);
        starter.start();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindEvents")
    synchronized void bindEvents(BankEvents bound) {
        events = bound;
        if (engine != null) {
            engine.setEvents(bound);
        }
    }

    synchronized void unbindEvents(BankEvents gone) {
        if (events == gone) {
            events = null;
            if (engine != null) {
                engine.setEvents(null);
            }
        }
    }

    private void start() {
        String lastReason = null;
        while (!stopped) {
            try {
                LedgerBankEngine opened = LedgerBankEngine.open(settings, clock, null);
                synchronized (this) {
                    if (stopped) {
                        opened.close();
                        return;
                    }
                    engine = opened;
                    opened.setEvents(events);
                    Hashtable<String, Object> props = new Hashtable<>();
                    props.put(BankConnector.ID_PROPERTY, settings.id());
                    props.put(BankConnector.MODE_PROPERTY, settings.mode());
                    props.put("accord.bank.ledger.url", settings.safeUrl());
                    registration = context.registerService(
                            new String[] {BankConnector.class.getName(), LedgerBank.class.getName()}, opened, props);
                }
                LOG.info("Ledger bank {} ({}) ready on {}, Accord's account {}", settings.id(), settings.mode(),
                        settings.safeUrl(), settings.accordIban());
                return;
            } catch (SQLException | RuntimeException | LinkageError e) {
                String reason = e.toString();
                if (!Objects.equals(reason, lastReason)) {
                    LOG.warn("Ledger bank {}: database {} unreachable ({}), retrying every {} s", settings.id(),
                            settings.safeUrl(), reason, RETRY_MS / 1000);
                    lastReason = reason;
                }
            }
            synchronized (this) {
                if (stopped) {
                    return;
                }
                try {
                    wait(RETRY_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    @Deactivate
    void deactivate() {
        synchronized (this) {
            stopped = true;
            notifyAll();
        }
        try {
            starter.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ServiceRegistration<?> reg;
        LedgerBankEngine e;
        synchronized (this) {
            reg = registration;
            e = engine;
            registration = null;
            engine = null;
        }
        if (reg != null) {
            try {
                reg.unregister();
            } catch (IllegalStateException alreadyGone) {
                // bundle stopping
            }
        }
        if (e != null) {
            e.close();
            LOG.info("Ledger bank {} stopped", settings.id());
        }
    }
}
