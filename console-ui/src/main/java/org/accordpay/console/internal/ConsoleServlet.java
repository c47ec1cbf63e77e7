package org.accordpay.console.internal;

import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.VaadinServletService;
import java.net.URL;
import java.util.function.Function;

/**
 * The consoles' Vaadin servlet: views get their services from the console's instantiator, and static
 * resources of the embedded jars ({@code META-INF/resources}) come from the bundle's class loader,
 * since the servlet context has no web application folder to find them in.
 */
public final class ConsoleServlet extends VaadinServlet {

    private static final long serialVersionUID = 1L;

    private final transient Function<VaadinService, Instantiator> instantiators;

    /** @param instantiators builds the console's instantiator (views with their services) for the Vaadin service */
    public ConsoleServlet(Function<VaadinService, Instantiator> instantiators) {
        this.instantiators = instantiators;
    }

    @Override
    protected VaadinServletService createServletService(DeploymentConfiguration configuration)
            throws ServiceException {
        VaadinServletService service = new ConsoleService(this, configuration, instantiators);
        service.init();
        return service;
    }

    /** The servlet service with the console's instantiator and class-loader resources. */
    private static final class ConsoleService extends VaadinServletService {

        private static final long serialVersionUID = 1L;

        private final transient Function<VaadinService, Instantiator> instantiators;

        ConsoleService(VaadinServlet servlet, DeploymentConfiguration configuration,
                Function<VaadinService, Instantiator> instantiators) {
            super(servlet, configuration);
            this.instantiators = instantiators;
        }

        @Override
        protected Instantiator createInstantiator() throws ServiceException {
            return instantiators.apply(this);
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
