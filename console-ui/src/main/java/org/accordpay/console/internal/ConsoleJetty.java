package org.accordpay.console.internal;

import com.vaadin.flow.di.LookupInitializer;
import com.vaadin.flow.server.InitParameters;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.startup.ErrorNavigationTargetInitializer;
import com.vaadin.flow.server.startup.LookupServletContainerInitializer;
import com.vaadin.flow.server.startup.RouteRegistryInitializer;
import com.vaadin.flow.server.startup.VaadinAppShellInitializer;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.session.DefaultSessionCacheFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * One console's Jetty server with Vaadin in production mode: its own connector, its own session
 * cookie and only the routes it is given, so two consoles on two ports share nothing but the bundle.
 */
public final class ConsoleJetty {

    /** A console's certificate: a PKCS#12 keystore and its password. */
    public record Tls(java.nio.file.Path keystore, String password) {
    }

    private final Server server;

    private ConsoleJetty(Server server) {
        this.server = server;
    }

    /**
     * Starts a console server; throws (and leaves nothing running) when the port is taken.
     *
     * @param name           thread and servlet name
     * @param host           address to bind
     * @param port           TCP port (0: any free one)
     * @param sessionMinutes minutes without user activity before a session ends
     * @param cookie         name of the session cookie
     * @param shell          the Vaadin app shell (page title, push)
     * @param routes         the {@code @Route} views this console serves, and no other
     * @param servlet        the Vaadin servlet with the console's instantiator
     * @param tls            the server's certificate, or null for plain HTTP (loopback only)
     */
    public static ConsoleJetty start(String name, String host, int port, int sessionMinutes, String cookie,
            Class<?> shell, java.util.Collection<Class<?>> routes, VaadinServlet servlet, Tls tls) throws Exception {
        ClassLoader bundleLoader = ConsoleJetty.class.getClassLoader();
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName(name);
        Server s = new Server(threads);
        // sessions end with the server: no Vaadin session outlives a bundle update
        DefaultSessionCacheFactory sessionCache = new DefaultSessionCacheFactory();
        sessionCache.setInvalidateOnShutdown(true);
        s.addBean(sessionCache);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector;
        if (tls != null) {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStorePath(tls.keystore().toAbsolutePath().toString());
            ssl.setKeyStoreType("PKCS12");
            ssl.setKeyStorePassword(tls.password());
            ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            secure.setSniHostCheck(false);
            http.addCustomizer(secure);
            connector = new ServerConnector(s, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(http));
        } else {
            connector = new ServerConnector(s, new HttpConnectionFactory(http));
        }
        connector.setHost(host);
        connector.setPort(port);
        s.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/");
        context.setClassLoader(bundleLoader);
        SessionHandler sessions = context.getSessionHandler();
        sessions.setMaxInactiveInterval(Math.max(1, sessionMinutes) * 60);
        sessions.setHttpOnly(true);
        sessions.setSameSite(HttpCookie.SameSite.STRICT);
        sessions.setSessionCookie(cookie);
        // over TLS the session cookie never travels in clear
        sessions.setSecureCookies(tls != null);

        // no classpath scanning in OSGi: Vaadin's initializers get their classes by hand
        context.addServletContainerInitializer(new LookupServletContainerInitializer(), LookupInitializer.class);
        context.addServletContainerInitializer(new RouteRegistryInitializer(), routes.toArray(Class<?>[]::new));
        context.addServletContainerInitializer(new ErrorNavigationTargetInitializer());
        context.addServletContainerInitializer(new VaadinAppShellInitializer(), shell);
        JakartaWebSocketServletContainerInitializer.configure(context, null);

        ServletHolder vaadin = new ServletHolder(name, servlet);
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
        return new ConsoleJetty(s);
    }

    /** @return the port the server listens on (the configured one, or the one picked for port 0) */
    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** Stops the server; open sessions end. */
    public void stop() throws Exception {
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(ConsoleJetty.class.getClassLoader());
        try {
            server.stop();
        } finally {
            current.setContextClassLoader(previous);
        }
    }
}
