package org.accordpay.console.internal.operator;

import com.vaadin.flow.di.DefaultInstantiator;
import com.vaadin.flow.server.VaadinService;

/** Builds the operator views with the services they need, through their constructors. */
final class OperatorInstantiator extends DefaultInstantiator {

    private final OperatorServices services;

    OperatorInstantiator(VaadinService service, OperatorServices services) {
        super(service);
        this.services = services;
    }

    @Override
    public <T> T getOrCreate(Class<T> type) {
        Object view = null;
        if (type == OperatorLoginView.class) {
            view = new OperatorLoginView(services.accounts());
        } else if (type == CarriersView.class) {
            view = new CarriersView(services);
        } else if (type == FeaturesView.class) {
            view = new FeaturesView(services.features(), services.accounts());
        } else if (type == MerchantsView.class) {
            view = new MerchantsView(services.merchants());
        } else if (type == CustomersView.class) {
            view = new CustomersView(services.customers());
        } else if (type == AuditView.class) {
            view = new AuditView(services.audit(), services.accounts());
        }
        return view != null ? type.cast(view) : super.getOrCreate(type);
    }
}
