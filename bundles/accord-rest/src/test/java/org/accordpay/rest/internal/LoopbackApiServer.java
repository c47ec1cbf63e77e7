package org.accordpay.rest.internal;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/** The API's resources on a plain-HTTP Jetty at a free loopback port, for resource tests. */
final class LoopbackApiServer implements AutoCloseable {

    private final Server server = new Server();
    private final String base;

    /** Starts {@code api}, with Accord's problem+json error handler. */
    LoopbackApiServer(ResourceConfig api) throws Exception {
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(new ServletContainer(api)), "/*");
        server.setHandler(context);
        server.setErrorHandler(new ProblemErrorHandler());
        server.start();
        base = "http://127.0.0.1:" + connector.getLocalPort();
    }

    /** @return {@code http://127.0.0.1:<port>} */
    String base() {
        return base;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
