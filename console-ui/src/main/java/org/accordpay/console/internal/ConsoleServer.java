package org.accordpay.console.internal;

import java.time.Duration;
import java.time.ZoneId;
import org.accordpay.api.purchase.PurchaseService;
import org.accordpay.api.registry.CustomerRegistry;
import org.accordpay.api.registry.MerchantRegistry;
import org.accordpay.api.time.AccordClock;
import org.accordpay.console.internal.base.ConsoleShell;
import org.accordpay.console.internal.login.LoginView;
import org.accordpay.console.internal.login.SignInThrottle;
import org.accordpay.console.internal.purchases.PurchasesView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consoles' own server: Jetty (ee10) and Vaadin Flow in production mode, both embedded in this
 * bundle, on their own port. Receives the Accord services and hands them to the views.
 */
@Component(service = {}, immediate = true, configurationPid = "org.accordpay.console",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ConsoleConfiguration.class)
public final class ConsoleServer {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleServer.class);

    private final ConsoleJetty server;

    /** Starts the server; throws (and leaves nothing running) when the port is taken. */
    @Activate
    public ConsoleServer(ConsoleConfiguration config, @Reference CustomerRegistry customers,
            @Reference MerchantRegistry merchants,
            @Reference PurchaseService purchases, @Reference AccordClock clock) throws Exception {
        long started = System.nanoTime();
        Duration window = Duration.ofMinutes(Math.max(1, config.lockout_minutes()));
        SignInThrottle throttle = new SignInThrottle(clock::now, Math.max(1, config.lockout_failures()), window);
        ConsoleServices services = new ConsoleServices(customers, merchants, purchases, clock, throttle,
                ZoneId.of(config.zone()));

        this.server = ConsoleJetty.start("accord-console", config.host(), config.port(),
                config.session_timeout_minutes(), "ACCORDCONSOLE", ConsoleShell.class,
                java.util.List.of(LoginView.class, PurchasesView.class),
                new ConsoleServlet(service -> new ConsoleInstantiator(service, services)));
        LOG.info("consoles on http://{}:{}/ (started in {} ms)", config.host(), server.port(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** @return the port the server listens on (the configured one, or the one picked for port 0) */
    int port() {
        return server.port();
    }

    /** Stops the server; open sessions end. */
    @Deactivate
    void stop() throws Exception {
        server.stop();
    }
}
