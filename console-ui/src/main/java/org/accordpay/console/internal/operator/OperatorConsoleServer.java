package org.accordpay.console.internal.operator;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.accordpay.api.audit.AuditTrail;
import org.accordpay.api.operator.OperatorAccounts;
import org.accordpay.api.registry.CustomerRegistry;
import org.accordpay.api.registry.MerchantRegistry;
import org.accordpay.api.routing.SmsRouting;
import org.accordpay.api.store.AccordStore;
import org.accordpay.api.store.dto.OutboxMessage;
import org.accordpay.api.time.AccordClock;
import org.accordpay.console.internal.ConsoleJetty;
import org.accordpay.console.internal.ConsoleServlet;
import org.apache.karaf.features.FeaturesService;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator console's own server: a second Jetty in the consoles' bundle, on its own port
 * (loopback by default) with its own session cookie and only the operator views, so none of them
 * answers on the public console port. Samples the traffic for the live figures. Its keys ({@code
 * operator.*}) share the consoles' PID; only one metatype description per PID, so they are not described there.
 */
@Component(service = {}, immediate = true, configurationPid = "org.accordpay.console",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class OperatorConsoleServer {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorConsoleServer.class);
    /** The operator views, and no other route. */
    static final List<Class<?>> ROUTES = List.of(OperatorLoginView.class, CarriersView.class, FeaturesView.class,
            MerchantsView.class, CustomersView.class, AuditView.class);

    private final ConsoleJetty server;
    private final ScheduledExecutorService refresh;

    /** Starts the server; throws (and leaves nothing running) when the port is taken. */
    @Activate
    public OperatorConsoleServer(OperatorConsoleConfiguration config, BundleContext context,
            @Reference OperatorAccounts accounts, @Reference SmsRouting routing, @Reference AccordStore store,
            @Reference MerchantRegistry merchants, @Reference CustomerRegistry customers,
            @Reference AuditTrail audit, @Reference FeaturesService features, @Reference AccordClock clock)
            throws Exception {
        if (!org.accordpay.web.ServerCertificate.loopback(config.operator_host())) {
            // plain HTTP: reached from elsewhere only through an SSH tunnel or a bastion
            throw new IllegalArgumentException("org.accordpay.console: the operator console listens on a loopback"
                    + " host only, not " + config.operator_host());
        }
        long started = System.nanoTime();
        int every = Math.max(1, config.operator_refresh_seconds());
        TrafficSampler traffic = new TrafficSampler(routing::carriers, () -> outbox(store), clock::now);
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "accord-operator-refresh");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                traffic.sample();
            } catch (RuntimeException e) {
                LOG.debug("traffic sample skipped: {}", e.toString());
            }
        }, 0, every, TimeUnit.SECONDS);
        OperatorServices services = new OperatorServices(accounts, routing, traffic,
                new ConnectorFeatures(features, context), merchants, customers, audit, clock, timer, every);
        try {
            this.server = ConsoleJetty.start("accord-operator", config.operator_host(), config.operator_port(),
                    config.operator_session_timeout_minutes(), "ACCORDOPERATOR", OperatorShell.class, ROUTES,
                    new ConsoleServlet(service -> new OperatorInstantiator(service, services), (session, user) -> true),
                    null);
        } catch (Exception e) {
            timer.shutdownNow();
            throw e;
        }
        this.refresh = timer;
        LOG.info("operator console on http://{}:{}/ (started in {} ms)", config.operator_host(), server.port(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** @return the port the server listens on */
    int port() {
        return server.port();
    }

    /** Stops the server and the sampling; open operator sessions end. */
    @Deactivate
    void stop() throws Exception {
        refresh.shutdownNow();
        server.stop();
    }

    private static TrafficSampler.OutboxFigures outbox(AccordStore store) {
        return store.transact(tx -> {
            List<OutboxMessage> oldest = tx.outbox().pending(1);
            long waiting = store.pendingWork().pendingOutbox();
            return new TrafficSampler.OutboxFigures(waiting, oldest.isEmpty() ? null : oldest.get(0).createdAt());
        });
    }
}
