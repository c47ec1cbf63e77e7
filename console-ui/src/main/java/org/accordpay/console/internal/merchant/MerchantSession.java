package org.accordpay.console.internal.merchant;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.VaadinSession;
import java.io.Serializable;
import java.util.Optional;

/**
 * The signed-in merchant console account, kept in the Vaadin session only: merchant views take the
 * merchant id from here, never from the URL or anything else the browser sends. A customer's
 * session ({@code login.CustomerSession}) is a different attribute and opens no merchant view.
 *
 * @param userId       the account's id
 * @param merchantId   the merchant whose orders the account sees, and no other
 * @param login        the account's login, for display
 * @param merchantName the merchant's display name, for display
 */
public record MerchantSession(String userId, String merchantId, String login, String merchantName)
        implements Serializable {

    /** @return the merchant account signed in to the current Vaadin session, if any */
    public static Optional<MerchantSession> current() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? Optional.empty() : Optional.ofNullable(session.getAttribute(MerchantSession.class));
    }

    /** Records the signed-in account in the current Vaadin session. */
    static void signIn(MerchantSession account) {
        VaadinSession.getCurrent().setAttribute(MerchantSession.class, account);
    }

    /**
     * For a merchant view's {@code beforeEnter}: the signed-in account, or empty after sending the
     * browser to the merchant sign-in page.
     */
    static Optional<MerchantSession> require(BeforeEnterEvent event) {
        Optional<MerchantSession> signedIn = current();
        if (signedIn.isEmpty()) {
            event.forwardTo(MerchantLoginView.class);
        }
        return signedIn;
    }
}
