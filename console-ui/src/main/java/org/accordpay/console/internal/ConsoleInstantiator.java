package org.accordpay.console.internal;

import com.vaadin.flow.di.DefaultInstantiator;
import com.vaadin.flow.server.VaadinService;
import org.accordpay.console.internal.checkout.CheckoutPage;
import org.accordpay.console.internal.login.LoginView;
import org.accordpay.console.internal.login.PasswordChangeDialog;
import org.accordpay.console.internal.purchases.MerchantNames;
import org.accordpay.console.internal.purchases.PurchasesView;

/** Builds the views with the Accord services they need, through their constructors. */
final class ConsoleInstantiator extends DefaultInstantiator {

    private final ConsoleServices services;

    ConsoleInstantiator(VaadinService service, ConsoleServices services) {
        super(service);
        this.services = services;
    }

    @Override
    public <T> T getOrCreate(Class<T> type) {
        if (type == LoginView.class) {
            return type.cast(new LoginView(services.customers(), services.throttle(), services.sessions()));
        }
        if (type == PurchasesView.class) {
            return type.cast(new PurchasesView(services.purchases(),
                    new MerchantNames(services.merchants()), services.clock(), services.zone(),
                    customer -> new PasswordChangeDialog(services.customers(), services.sessions(),
                            services.throttle(), customer)));
        }
        if (type == CheckoutPage.class) {
            return type.cast(new CheckoutPage(services.checkout()));
        }
        Object merchantView = services.merchantViews().create(type);
        if (merchantView != null) {
            return type.cast(merchantView);
        }
        return super.getOrCreate(type);
    }
}
