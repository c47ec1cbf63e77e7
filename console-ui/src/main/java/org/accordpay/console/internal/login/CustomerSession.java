package org.accordpay.console.internal.login;

import com.vaadin.flow.server.VaadinSession;
import java.io.Serializable;
import java.util.Optional;

/**
 * The signed-in customer, kept in the Vaadin session only: views take the customer id from here,
 * never from the URL or anything else the browser sends.
 *
 * @param customerId the registry id of the signed-in customer
 * @param reference  the customer's Accord reference, for display
 * @param phoneE164  the customer's phone number, for display
 */
public record CustomerSession(String customerId, String reference, String phoneE164) implements Serializable {

    /** @return the customer signed in to the current Vaadin session, if any */
    public static Optional<CustomerSession> current() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? Optional.empty() : Optional.ofNullable(session.getAttribute(CustomerSession.class));
    }

    /** Records the signed-in customer in the current Vaadin session. */
    public static void signIn(CustomerSession customer) {
        VaadinSession.getCurrent().setAttribute(CustomerSession.class, customer);
    }
}
