package org.accordpay.console.internal;

import java.time.ZoneId;
import org.accordpay.api.purchase.PurchaseService;
import org.accordpay.api.registry.CustomerRegistry;
import org.accordpay.api.registry.MerchantRegistry;
import org.accordpay.api.time.AccordClock;
import org.accordpay.console.internal.checkout.CheckoutDesk;
import org.accordpay.console.internal.login.SignInThrottle;
import org.accordpay.console.internal.login.SignedInSessions;
import org.accordpay.console.internal.merchant.MerchantServices;
import org.accordpay.console.internal.merchant.MerchantViews;

/**
 * What the views need from Accord, handed over by {@link ConsoleServer} and passed to each view's
 * constructor by {@link ConsoleInstantiator}.
 *
 * @param customers the customer registry (sign-in)
 * @param merchants the merchant registry (merchants' display names)
 * @param purchases the purchase service (customer's purchases)
 * @param clock     Accord's clock
 * @param throttle  the sign-in lock-out counter shared by all sessions
 * @param zone      zone in which months are cut
 * @param sessions  the customers' signed-in sessions (idle timeout on Accord's clock, password change)
 * @param checkout  the hosted checkout's server side (payment pages)
 * @param merchant  the merchant console's own services
 */
public record ConsoleServices(CustomerRegistry customers, MerchantRegistry merchants, PurchaseService purchases,
        AccordClock clock,
        SignInThrottle throttle, ZoneId zone, SignedInSessions sessions, CheckoutDesk checkout,
        MerchantServices merchant) {

    /** @return the merchant console's views, built with these services */
    public MerchantViews merchantViews() {
        return new MerchantViews(merchant, customers, merchants, purchases, clock, throttle, zone);
    }
}
