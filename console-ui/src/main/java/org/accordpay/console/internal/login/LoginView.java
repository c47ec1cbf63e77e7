package org.accordpay.console.internal.login;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.accordpay.api.purchase.dto.CustomerIdentifier;
import org.accordpay.api.registry.CustomerRegistry;
import org.accordpay.api.registry.dto.Customer;
import org.accordpay.console.internal.purchases.PurchasesView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Customer sign-in: phone number and country, or Accord reference, and the console password. Open to anyone. */
@Route("login")
@PageTitle("Accord – sign in")
public final class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(LoginView.class);

    static final String BY_PHONE = "Phone number";
    static final String BY_REFERENCE = "Accord reference";
    /** The same words whether the identifier is unknown or the password wrong. */
    static final String NOT_RECOGNISED = "We could not sign you in with these details. Check them and try again.";

    private final transient CustomerRegistry customers;
    private final transient SignInThrottle throttle;
    private final transient SignedInSessions sessions;

    private final RadioButtonGroup<String> mode = new RadioButtonGroup<>("Sign in with");
    private final TextField phone = new TextField("Phone number");
    private final ComboBox<Country> country = new ComboBox<>("Country of residence");
    private final TextField reference = new TextField("Accord reference");
    private final PasswordField password = new PasswordField("Password");
    private final Div error = new Div();

    /**
     * @param customers the registry that checks passwords; @param throttle the shared lock-out counter;
     * @param sessions the signed-in sessions (idle timeout, ended at a password change)
     */
    public LoginView(CustomerRegistry customers, SignInThrottle throttle, SignedInSessions sessions) {
        this.customers = customers;
        this.throttle = throttle;
        this.sessions = sessions;
        setId("login-view");
        setMaxWidth("28em");
        getStyle().set("margin", "0 auto");

        mode.setItems(BY_PHONE, BY_REFERENCE);
        mode.setValue(BY_PHONE);
        mode.setId("login-mode");
        phone.setId("login-phone");
        phone.setPlaceholder("+33 6 12 34 56 78");
        phone.setWidthFull();
        country.setId("login-country");
        country.setItems(Country.all());
        country.setItemLabelGenerator(Country::name);
        country.setValue(Country.of("FR"));
        country.setWidthFull();
        reference.setId("login-reference");
        reference.setPlaceholder("AC0000000000");
        reference.setWidthFull();
        reference.setVisible(false);
        password.setId("login-password");
        password.setWidthFull();
        error.setId("login-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);
        mode.addValueChangeListener(e -> {
            boolean byPhone = BY_PHONE.equals(e.getValue());
            phone.setVisible(byPhone);
            country.setVisible(byPhone);
            reference.setVisible(!byPhone);
        });

        Button signIn = new Button("Sign in", e -> signIn());
        signIn.setId("login-submit");
        signIn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        signIn.addClickShortcut(Key.ENTER);
        signIn.setWidthFull();

        add(new H1("Accord"), new Paragraph("Sign in to see your purchases."), mode, phone, country, reference,
                password, error, signIn);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (CustomerSession.current().isPresent()) {
            event.forwardTo(PurchasesView.class);
        }
    }

    private void signIn() {
        // whatever the outcome (invalid details, paused, refused, signed in), the password does
        // not stay in the form
        char[] secret = password.getValue().toCharArray();
        password.clear();
        try {
            signIn(secret);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    private void signIn(char[] secret) {
        CustomerIdentifier identifier;
        try {
            identifier = BY_PHONE.equals(mode.getValue())
                    ? SignInIdentifier.byPhone(phone.getValue(),
                            Optional.ofNullable(country.getValue()).map(Country::code).orElse(null))
                    : SignInIdentifier.byReference(reference.getValue());
        } catch (IllegalArgumentException e) {
            showError(e.getMessage());
            return;
        }
        String key = SignInIdentifier.throttleKey(identifier);
        if (throttle.isLocked(key)) {
            showError(pausedMessage(key));
            return;
        }
        Optional<Customer> customer;
        try {
            customer = customers.authenticate(identifier, secret);
        } catch (RuntimeException e) {
            LOG.warn("customer sign-in failed: {}", e.toString());
            showError("Signing in is not possible right now. Please try again in a few minutes.");
            return;
        }
        if (customer.isEmpty()) {
            showError(throttle.recordFailure(key) ? pausedMessage(key) : NOT_RECOGNISED);
            return;
        }
        throttle.reset(key);
        Customer c = customer.get();
        // a new session id at sign-in, so an id planted before it (fixation) is worthless
        VaadinService.reinitializeSession(VaadinRequest.getCurrent());
        CustomerSession.signIn(new CustomerSession(c.id(), c.reference(), c.phoneE164()));
        sessions.signedIn(c.id(), VaadinSession.getCurrent().getSession());
        getUI().ifPresent(ui -> ui.navigate(PurchasesView.class));
    }

    private String pausedMessage(String key) {
        return throttle.pausedMessage(key);
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    /** A country of residence offered in the list. */
    public record Country(String code, String name) {

        public static List<Country> all() {
            return Arrays.stream(Locale.getISOCountries()).map(Country::of)
                    .sorted(Comparator.comparing(Country::name)).toList();
        }

        public static Country of(String code) {
            return new Country(code, new Locale("", code).getDisplayCountry(Locale.ENGLISH));
        }
    }
}
