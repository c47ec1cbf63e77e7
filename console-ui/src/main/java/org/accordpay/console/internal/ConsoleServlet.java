package org.accordpay.console.internal;

import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.server.HandlerHelper;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.SessionExpiredException;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import java.net.URL;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * The consoles' Vaadin servlet: views get their services from the console's instantiator, and static
 * resources of the embedded jars ({@code META-INF/resources}) come from the bundle's class loader,
 * since the servlet context has no web application folder to find them in. Signed-in sessions idle
 * for longer than the timeout on Accord's clock end on their next request.
 */
public final class ConsoleServlet extends VaadinServlet {

    private static final long serialVersionUID = 1L;

    private final transient Function<VaadinService, Instantiator> instantiators;
    private final transient BiPredicate<WrappedSession, Boolean> stillActive;

    /**
     * @param instantiators builds the console's instantiator (views with their services) for the Vaadin service
     * @param stillActive   whether a session (or null) is still active, told whether the request is a user's
     *                      (not a heartbeat); false ends it as expired
     */
    public ConsoleServlet(Function<VaadinService, Instantiator> instantiators,
            BiPredicate<WrappedSession, Boolean> stillActive) {
        this.instantiators = instantiators;
        this.stillActive = stillActive;
    }

    @Override
    protected VaadinServletService createServletService(DeploymentConfiguration configuration)
            throws ServiceException {
        VaadinServletService service = new ConsoleService(this, configuration, instantiators, stillActive);
        service.init();
        return service;
    }

    /** The servlet service with the console's instantiator and class-loader resources. */
    private static final class ConsoleService extends VaadinServletService {

        private static final long serialVersionUID = 1L;

        private final transient Function<VaadinService, Instantiator> instantiators;
        private final transient BiPredicate<WrappedSession, Boolean> stillActive;

        ConsoleService(VaadinServlet servlet, DeploymentConfiguration configuration,
                Function<VaadinService, Instantiator> instantiators, BiPredicate<WrappedSession, Boolean> stillActive) {
            super(servlet, configuration);
            this.instantiators = instantiators;
            this.stillActive = stillActive;
        }

        @Override
        protected Instantiator createInstantiator() throws ServiceException {
            return instantiators.apply(this);
        }

        /** A signed-in session idle too long on Accord's clock ends here, as an expired one (sign-in page next). */
        @Override
        public VaadinSession findVaadinSession(VaadinRequest request) throws SessionExpiredException {
            boolean user = !HandlerHelper.isRequestType(request, HandlerHelper.RequestType.HEARTBEAT);
            if (!stillActive.test(request.getWrappedSession(false), user)) {
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
