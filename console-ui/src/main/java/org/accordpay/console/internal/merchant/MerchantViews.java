package org.accordpay.console.internal.merchant;

import java.time.ZoneId;
import java.util.List;
import org.accordpay.api.purchase.PurchaseService;
import org.accordpay.api.registry.CustomerRegistry;
import org.accordpay.api.registry.MerchantRegistry;
import org.accordpay.api.time.AccordClock;
import org.accordpay.console.internal.login.SignInThrottle;

/** The merchant console's routes, and its views built with the services they need. */
public final class MerchantViews {

    /** Every route of the merchant console, for the route registry. */
    public static final List<Class<?>> ROUTES = List.of(MerchantLoginView.class, OrdersView.class, OrderView.class,
            SettlementView.class, IntegrationView.class, EventsView.class);

    private final MerchantServices services;
    private final CustomerRegistry customers;
    private final MerchantRegistry merchants;
    private final PurchaseService purchases;
    private final AccordClock clock;
    private final SignInThrottle throttle;
    private final ZoneId zone;

    /** The shared services and the merchant console's own. */
    public MerchantViews(MerchantServices services, CustomerRegistry customers, MerchantRegistry merchants,
            PurchaseService purchases, AccordClock clock, SignInThrottle throttle, ZoneId zone) {
        this.services = services;
        this.customers = customers;
        this.merchants = merchants;
        this.purchases = purchases;
        this.clock = clock;
        this.throttle = throttle;
        this.zone = zone;
    }

    /** @return a new merchant view of this type, or null when the type is not one */
    public Object create(Class<?> type) {
        if (type == MerchantLoginView.class) {
            return new MerchantLoginView(services.users(), merchants, throttle);
        }
        if (type == OrdersView.class) {
            return new OrdersView(purchases, customers, clock, zone);
        }
        if (type == OrderView.class) {
            return new OrderView(purchases, customers, zone);
        }
        if (type == SettlementView.class) {
            return new SettlementView(purchases, clock, zone);
        }
        if (type == IntegrationView.class) {
            return new IntegrationView(services.keys(), services.webhooks(), services.returnUrls(), zone);
        }
        if (type == EventsView.class) {
            return new EventsView(purchases, zone);
        }
        return null;
    }
}
