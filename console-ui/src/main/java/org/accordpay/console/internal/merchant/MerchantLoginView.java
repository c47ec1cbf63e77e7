package org.accordpay.console.internal.merchant;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import java.util.Optional;
import org.accordpay.api.registry.MerchantRegistry;
import org.accordpay.api.registry.MerchantUsers;
import org.accordpay.api.registry.dto.Merchant;
import org.accordpay.api.registry.dto.MerchantUser;
import org.accordpay.console.internal.login.CustomerSession;
import org.accordpay.console.internal.login.SignInThrottle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Merchant sign-in: the console account's login and password. Open to anyone. */
@Route("merchant/login")
@PageTitle("Accord – merchant sign-in")
public final class MerchantLoginView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(MerchantLoginView.class);

    /** The same words whether the login is unknown or the password wrong. */
    static final String NOT_RECOGNISED = "We could not sign you in with these details. Check them and try again.";

    private final transient MerchantUsers users;
    private final transient MerchantRegistry merchants;
    private final transient SignInThrottle throttle;

    private final TextField login = new TextField("E-mail or user name");
    private final PasswordField password = new PasswordField("Password");
    private final Div error = new Div();

    /**
     * @param users the accounts that check passwords; @param merchants merchants' names;
     * @param throttle the lock-out counter shared with the customer console (keys are apart)
     */
    public MerchantLoginView(MerchantUsers users, MerchantRegistry merchants, SignInThrottle throttle) {
        this.users = users;
        this.merchants = merchants;
        this.throttle = throttle;
        setId("merchant-login-view");
        setMaxWidth("28em");
        getStyle().set("margin", "0 auto");
        login.setId("merchant-login");
        login.setWidthFull();
        password.setId("merchant-password");
        password.setWidthFull();
        error.setId("merchant-login-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);
        Button signIn = new Button("Sign in", e -> signIn());
        signIn.setId("merchant-sign-in");
        signIn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        signIn.addClickShortcut(Key.ENTER);
        add(new H1("Accord for merchants"), new Paragraph("Sign in to see your orders, refunds and payouts."), login,
                password, error, signIn);
    }

    /** @return the key under which failed sign-ins of a login are counted (apart from customers') */
    static String throttleKey(String login) {
        return "merchant:" + (login == null ? "" : login.strip().toLowerCase(Locale.ROOT));
    }

    private void signIn() {
        String key = throttleKey(login.getValue());
        char[] secret = password.getValue().toCharArray();
        password.clear();
        if (login.getValue().isBlank() || secret.length == 0) {
            showError("Enter your login and your password.");
            return;
        }
        if (throttle.isLocked(key)) {
            showError(throttle.pausedMessage(key));
            return;
        }
        Optional<MerchantUser> user;
        try {
            user = users.authenticate(login.getValue(), secret);
        } catch (RuntimeException e) {
            LOG.warn("merchant sign-in failed: {}", e.toString());
            showError("Signing in is not possible right now. Please try again in a few minutes.");
            return;
        }
        if (user.isEmpty()) {
            showError(throttle.recordFailure(key) ? throttle.pausedMessage(key) : NOT_RECOGNISED);
            return;
        }
        throttle.reset(key);
        MerchantUser u = user.get();
        String name = merchants.find(u.merchantId()).map(Merchant::displayName).orElse(u.merchantId());
        // a new session id at sign-in, so an id planted before it (fixation) is worthless
        VaadinService.reinitializeSession(VaadinRequest.getCurrent());
        // one person per session: a customer signed in before does not stay signed in next to the merchant
        VaadinSession.getCurrent().setAttribute(CustomerSession.class, null);
        MerchantSession.signIn(new MerchantSession(u.id(), u.merchantId(), u.login(), name));
        getUI().ifPresent(ui -> ui.navigate(OrdersView.class));
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }
}
