package org.accordpay.console.internal;

import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.server.HandlerHelper;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.SessionExpiredException;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.VaadinSession;
import java.net.URL;

/**
 * The consoles' Vaadin servlet: views get their services from {@link ConsoleInstantiator}, and static
 * resources of the embedded jars ({@code META-INF/resources}) come from the bundle's class loader,
 * since the servlet context has no web application folder to find them in. Signed-in sessions idle
 * for longer than the timeout on Accord's clock end on their next request.
 */
final class ConsoleServlet extends VaadinServlet {

    private static final long serialVersionUID = 1L;

    private final transient ConsoleServices services;

    ConsoleServlet(ConsoleServices services) {
        this.services = services;
    }

    @Override
    protected VaadinServletService createServletService(DeploymentConfiguration configuration)
            throws ServiceException {
        VaadinServletService service = new ConsoleService(this, configuration, services);
        service.init();
        return service;
    }

    /** The servlet service with the console's instantiator and class-loader resources. */
    private static final class ConsoleService extends VaadinServletService {

        private static final long serialVersionUID = 1L;

        private final transient ConsoleServices services;

        ConsoleService(VaadinServlet servlet, DeploymentConfiguration configuration, ConsoleServices services) {
            super(servlet, configuration);
            this.services = services;
        }

        @Override
        protected Instantiator createInstantiator() throws ServiceException {
            return new ConsoleInstantiator(this, services);
        }

        /** A signed-in session idle too long on Accord's clock ends here, as an expired one (sign-in page next). */
        @Override
        public VaadinSession findVaadinSession(VaadinRequest request) throws SessionExpiredException {
            boolean user = !HandlerHelper.isRequestType(request, HandlerHelper.RequestType.HEARTBEAT);
            if (!services.sessions().stillActive(request.getWrappedSession(false), user)) {
                throw new SessionExpiredException();
            }
            return super.findVaadinSession(request);
        }

        @Override
        public URL getStaticResource(String path) {
            URL url = super.getStaticResource(path);
            if (url == null && path != null) {
                String relative = path.startsWith("/") ? path.substring(1) : path;
                url = ConsoleServlet.class.getClassLoader().getResource("META-INF/resources/" + relative);
            }
            return url;
        }
    }
}
