package org.accordpay.console.internal;

import com.vaadin.flow.di.LookupInitializer;
import com.vaadin.flow.server.InitParameters;
import com.vaadin.flow.server.startup.ErrorNavigationTargetInitializer;
import com.vaadin.flow.server.startup.LookupServletContainerInitializer;
import com.vaadin.flow.server.startup.RouteRegistryInitializer;
import com.vaadin.flow.server.startup.VaadinAppShellInitializer;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.accordpay.api.purchase.PurchaseService;
import org.accordpay.api.registry.CustomerRegistry;
import org.accordpay.api.registry.MerchantKeys;
import org.accordpay.api.registry.MerchantRegistry;
import org.accordpay.api.registry.MerchantUsers;
import org.accordpay.api.store.AccordStore;
import org.accordpay.api.time.AccordClock;
import org.accordpay.api.webhook.WebhookEndpoints;
import org.accordpay.console.internal.base.ConsoleShell;
import org.accordpay.console.internal.login.LoginView;
import org.accordpay.console.internal.login.SignInThrottle;
import org.accordpay.console.internal.merchant.MerchantServices;
import org.accordpay.console.internal.merchant.MerchantViews;
import org.accordpay.console.internal.purchases.PurchasesView;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.session.DefaultSessionCacheFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
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

    private final Server server;

    /** Starts the server; throws (and leaves nothing running) when the port is taken. */
    @Activate
    public ConsoleServer(ConsoleConfiguration config, @Reference CustomerRegistry customers,
            @Reference MerchantRegistry merchants,
            @Reference PurchaseService purchases, @Reference AccordClock clock,
            @Reference MerchantUsers merchantUsers, @Reference MerchantKeys merchantKeys,
            @Reference WebhookEndpoints webhooks, @Reference AccordStore store) throws Exception {
        long started = System.nanoTime();
        Duration window = Duration.ofMinutes(Math.max(1, config.lockout_minutes()));
        SignInThrottle throttle = new SignInThrottle(clock::now, Math.max(1, config.lockout_failures()), window);
        ConsoleServices services = new ConsoleServices(customers, merchants, purchases, clock, throttle,
                ZoneId.of(config.zone()), new MerchantServices(merchantUsers, merchantKeys, webhooks, store));

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
        ServerConnector connector = new ServerConnector(s, new HttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(config.port());
        s.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/");
        context.setClassLoader(bundleLoader);
        SessionHandler sessions = context.getSessionHandler();
        sessions.setMaxInactiveInterval(Math.max(1, config.session_timeout_minutes()) * 60);
        sessions.setHttpOnly(true);
        sessions.setSameSite(HttpCookie.SameSite.STRICT);
        sessions.setSessionCookie("ACCORDCONSOLE");

        // no classpath scanning in OSGi: Vaadin's initializers get their classes by hand
        context.addServletContainerInitializer(new LookupServletContainerInitializer(), LookupInitializer.class);
        List<Class<?>> routes = new ArrayList<>(List.of(LoginView.class, PurchasesView.class));
        routes.addAll(MerchantViews.ROUTES);
        context.addServletContainerInitializer(new RouteRegistryInitializer(), routes.toArray(new Class<?>[0]));
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
            throw e;
        } finally {
            current.setContextClassLoader(previous);
        }
        this.server = s;
        LOG.info("consoles on http://{}:{}/ (started in {} ms)", config.host(), connector.getLocalPort(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** @return the port the server listens on (the configured one, or the one picked for port 0) */
    int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** Stops the server; open sessions end. */
    @Deactivate
    void stop() throws Exception {
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
