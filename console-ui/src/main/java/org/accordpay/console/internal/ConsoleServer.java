package org.accordpay.console.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.List;
import org.accordpay.api.purchase.PurchaseService;
import org.accordpay.api.registry.ReturnUrls;
import org.accordpay.api.registry.CustomerRegistry;
import org.accordpay.api.registry.MerchantKeys;
import org.accordpay.api.registry.MerchantRegistry;
import org.accordpay.api.registry.MerchantUsers;
import org.accordpay.api.time.AccordClock;
import org.accordpay.api.webhook.WebhookEndpoints;
import org.accordpay.console.internal.base.ConsoleShell;
import org.accordpay.console.internal.checkout.CheckoutDesk;
import org.accordpay.console.internal.checkout.CheckoutPage;
import org.accordpay.console.internal.login.LoginView;
import org.accordpay.console.internal.login.SignInThrottle;
import org.accordpay.console.internal.login.SignedInSessions;
import org.accordpay.console.internal.merchant.MerchantServices;
import org.accordpay.console.internal.merchant.MerchantViews;
import org.accordpay.console.internal.purchases.PurchasesView;
import org.accordpay.web.ServerCertificate;
import org.accordpay.web.TokenBuckets;
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
 * bundle, on their own port; HTTPS by default (the merchant API's {@link ServerCertificate}), plain HTTP only
 * on a loopback address. Receives the Accord services and hands them to the views.
 */
@Component(service = {}, immediate = true, configurationPid = "org.accordpay.console",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ConsoleConfiguration.class)
public final class ConsoleServer {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleServer.class);

    private final ConsoleJetty server;
    /** The hosted checkout's submissions (after the buyer was answered) and the watches of open payment pages. */
    private final ThreadPoolExecutor checkoutWork;
    private final ScheduledExecutorService checkoutWatcher;

    /** Starts the server; throws (and leaves nothing running) when the port is taken or the configuration unsafe. */
    @Activate
    public ConsoleServer(ConsoleConfiguration config, @Reference CustomerRegistry customers,
            @Reference MerchantRegistry merchants,
            @Reference PurchaseService purchases, @Reference AccordClock clock,
            @Reference MerchantUsers merchantUsers, @Reference MerchantKeys merchantKeys,
            @Reference WebhookEndpoints webhooks, @Reference ReturnUrls returnUrls) throws Exception {
        if (!config.tls() && !ServerCertificate.loopback(config.host())) {
            throw new IllegalArgumentException("org.accordpay.console: tls=false is allowed only on a loopback host,"
                    + " not " + config.host());
        }
        long started = System.nanoTime();
        Duration window = Duration.ofMinutes(Math.max(1, config.lockout_minutes()));
        SignInThrottle throttle = new SignInThrottle(clock::now, Math.max(1, config.lockout_failures()), window);
        int idleMinutes = Math.max(1, config.session_timeout_minutes());
        ThreadPoolExecutor work = new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1000),
                r -> daemon(r, "accord-console-checkout"));
        ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(
                r -> daemon(r, "accord-console-checkout-watch"));
        CheckoutDesk checkout = new CheckoutDesk(purchases,
                new TokenBuckets(config.checkout_per_address_per_minute(), Duration.ofMinutes(1)),
                new TokenBuckets(config.checkout_per_number_per_quarter(), Duration.ofMinutes(15)), work, watcher,
                Duration.ofMillis(500));
        ConsoleServices services = new ConsoleServices(customers, merchants, purchases, clock, throttle,
                ZoneId.of(config.zone()), new SignedInSessions(clock::now, Duration.ofMinutes(idleMinutes)), checkout,
                new MerchantServices(merchantUsers, merchantKeys, webhooks, returnUrls));

        ConsoleJetty.Tls tls = null;
        if (config.tls()) {
            Path keystore = Path.of(System.getProperty("karaf.etc", "etc")).resolve(config.keystore());
            tls = new ConsoleJetty.Tls(keystore, ServerCertificate.password(keystore, config.keystore_password(),
                    clock.now()));
        }
        try {
            this.server = ConsoleJetty.start("accord-console", config.host(), config.port(), idleMinutes,
                    "ACCORDCONSOLE", ConsoleShell.class,
                    routes(),
                    new ConsoleServlet(service -> new ConsoleInstantiator(service, services),
                            services.sessions()::stillActive), tls);
        } catch (Exception e) {
            work.shutdownNow();
            watcher.shutdownNow();
            throw e;
        }
        this.checkoutWork = work;
        this.checkoutWatcher = watcher;
        LOG.info("consoles on {}://{}:{}/ (started in {} ms)", tls != null ? "https" : "http", config.host(),
                server.port(), (System.nanoTime() - started) / 1_000_000);
    }

    /** @return the port the server listens on (the configured one, or the one picked for port 0) */
    int port() {
        return server.port();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** The routes of the public consoles: customer, merchant, hosted checkout (never the operator's). */
    private static List<Class<?>> routes() {
        List<Class<?>> routes = new ArrayList<>(List.of(LoginView.class, PurchasesView.class, CheckoutPage.class));
        routes.addAll(MerchantViews.ROUTES);
        return routes;
    }

    /** Stops the server; open sessions end. */
    @Deactivate
    void stop() throws Exception {
        checkoutWatcher.shutdownNow();
        checkoutWork.shutdown();
        server.stop();
    }
}
