package org.accordpay.console.internal;

import com.vaadin.flow.di.LookupInitializer;
import com.vaadin.flow.server.InitParameters;
import com.vaadin.flow.server.startup.ErrorNavigationTargetInitializer;
import com.vaadin.flow.server.startup.LookupServletContainerInitializer;
import com.vaadin.flow.server.startup.RouteRegistryInitializer;
import com.vaadin.flow.server.startup.VaadinAppShellInitializer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.accordpay.api.purchase.PurchaseService;
import org.accordpay.api.registry.CustomerRegistry;
import org.accordpay.api.registry.MerchantRegistry;
import org.accordpay.api.time.AccordClock;
import org.accordpay.console.internal.base.ConsoleShell;
import org.accordpay.console.internal.checkout.CheckoutDesk;
import org.accordpay.console.internal.checkout.CheckoutPage;
import org.accordpay.console.internal.login.LoginView;
import org.accordpay.console.internal.login.SignInThrottle;
import org.accordpay.console.internal.login.SignedInSessions;
import org.accordpay.console.internal.purchases.PurchasesView;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.session.DefaultSessionCacheFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
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

    private final Server server;
    /** The hosted checkout's submissions (after the buyer was answered) and the watches of open payment pages. */
    private final ThreadPoolExecutor checkoutWork;
    private final ScheduledExecutorService checkoutWatcher;

    /** Starts the server; throws (and leaves nothing running) when the port is taken or the configuration unsafe. */
    @Activate
    public ConsoleServer(ConsoleConfiguration config, @Reference CustomerRegistry customers,
            @Reference MerchantRegistry merchants,
            @Reference PurchaseService purchases, @Reference AccordClock clock) throws Exception {
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
                ZoneId.of(config.zone()), new SignedInSessions(clock::now, Duration.ofMinutes(idleMinutes)), checkout);

        ClassLoader bundleLoader = ConsoleServer.class.getClassLoader();
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("accord-console");
        Server s = new Server(threads);
        // sessions end with the server: no Vaadin session outlives a bundle update
        DefaultSessionCacheFactory sessionCache = new DefaultSessionCacheFactory();
        sessionCache.setInvalidateOnShutdown(true);
        s.addBean(sessionCache);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector;
        if (config.tls()) {
            Path keystore = Path.of(System.getProperty("karaf.etc", "etc")).resolve(config.keystore());
            String password = ServerCertificate.password(keystore, config.keystore_password(), clock.now());
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStorePath(keystore.toAbsolutePath().toString());
            ssl.setKeyStoreType("PKCS12");
            ssl.setKeyStorePassword(password);
            ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            secure.setSniHostCheck(false);
            http.addCustomizer(secure);
            connector = new ServerConnector(s, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(http));
        } else {
            connector = new ServerConnector(s, new HttpConnectionFactory(http));
        }
        connector.setHost(config.host());
        connector.setPort(config.port());
        s.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/");
        context.setClassLoader(bundleLoader);
        SessionHandler sessions = context.getSessionHandler();
        sessions.setMaxInactiveInterval(idleMinutes * 60);
        sessions.setHttpOnly(true);
        sessions.setSameSite(HttpCookie.SameSite.STRICT);
        sessions.setSessionCookie("ACCORDCONSOLE");
        // over TLS the session cookie never travels in clear
        sessions.setSecureCookies(config.tls());

        // no classpath scanning in OSGi: Vaadin's initializers get their classes by hand
        context.addServletContainerInitializer(new LookupServletContainerInitializer(), LookupInitializer.class);
        context.addServletContainerInitializer(new RouteRegistryInitializer(), LoginView.class, PurchasesView.class,
                CheckoutPage.class);
        context.addServletContainerInitializer(new ErrorNavigationTargetInitializer());
        context.addServletContainerInitializer(new VaadinAppShellInitializer(), ConsoleShell.class);
        JakartaWebSocketServletContainerInitializer.configure(context, null);

        ServletHolder vaadin = new ServletHolder("accord-console", new ConsoleServlet(services));
        vaadin.setInitParameter(InitParameters.SERVLET_PARAMETER_PRODUCTION_MODE, "true");
        vaadin.setInitParameter(InitParameters.SERVLET_PARAMETER_CLOSE_IDLE_SESSIONS, "true");
        vaadin.setAsyncSupported(true);
        vaadin.setInitOrder(1);
        context.addServlet(vaadin, "/*");
        s.setHandler(context);

        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(bundleLoader);
        try {
            s.start();
        } catch (Exception e) {
            try {
                s.stop();
            } catch (Exception stop) {
                e.addSuppressed(stop);
            }
            work.shutdownNow();
            watcher.shutdownNow();
            throw e;
        } finally {
            current.setContextClassLoader(previous);
        }
        this.server = s;
        this.checkoutWork = work;
        this.checkoutWatcher = watcher;
        LOG.info("consoles on {}://{}:{}/ (started in {} ms)", config.tls() ? "https" : "http", config.host(),
                connector.getLocalPort(), (System.nanoTime() - started) / 1_000_000);
    }

    /** @return the port the server listens on (the configured one, or the one picked for port 0) */
    int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Stops the server; open sessions end. */
    @Deactivate
    void stop() throws Exception {
        checkoutWatcher.shutdownNow();
        checkoutWork.shutdown();
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(ConsoleServer.class.getClassLoader());
        try {
            server.stop();
        } finally {
            current.setContextClassLoader(previous);
        }
    }
}
