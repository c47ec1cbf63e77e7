package org.accordpay.console.internal.login;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import java.util.Arrays;
import org.accordpay.api.registry.CustomerRegistry;
import org.accordpay.api.registry.RegistryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signed-in customer changes their console password (current one, new one twice; the rule is
 * the registry's), and reads how to change the handset PIN, which only the phone knows. A change
 * gives this session a new id and ends the customer's other sessions.
 */
public final class PasswordChangeDialog extends Dialog {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PasswordChangeDialog.class);

    /** The rule, as the registry applies it. */
    static final String RULE = "At least 10 characters (at most 128), at least 6 different ones, not your phone"
            + " number or Accord reference.";
    static final String PIN_HELP = "Your handset PIN is not this password. It unlocks the identification table on"
            + " your phone, and Accord never knows it, so it is changed on the phone only: in the Accord app, choose"
            + " to change the PIN, type the current PIN, then the new one twice (6 to 12 digits; not one digit"
            + " repeated, a run such as 123456, a repeated pattern such as 121212, or a date). The app first checks"
            + " the current PIN with Accord through a zero-amount challenge; a mistyped current PIN leaves a table"
            + " Accord refuses, and your table must then be provisioned again.";

    private final transient CustomerRegistry customers;
    private final transient SignedInSessions sessions;
    private final transient SignInThrottle throttle;
    private final CustomerSession customer;
    private final PasswordField current = new PasswordField("Current password");
    private final PasswordField next = new PasswordField("New password");
    private final PasswordField repeat = new PasswordField("New password again");
    private final Div message = new Div();

    /**
     * @param customers the registry that checks and stores passwords; @param sessions signed-in sessions;
     * @param throttle failures counter (wrong current passwords count as failed sign-ins);
     * @param customer the session's customer
     */
    public PasswordChangeDialog(CustomerRegistry customers, SignedInSessions sessions, SignInThrottle throttle,
            CustomerSession customer) {
        this.customers = customers;
        this.sessions = sessions;
        this.throttle = throttle;
        this.customer = customer;
        setId("password-dialog");
        setHeaderTitle("Password and PIN");
        setWidth("32em");
        current.setId("password-current");
        next.setId("password-new");
        next.setHelperText(RULE);
        repeat.setId("password-repeat");
        for (PasswordField f : new PasswordField[] {current, next, repeat}) {
            f.setWidthFull();
            f.setRevealButtonVisible(false);
        }
        message.setId("password-message");
        message.setVisible(false);
        Paragraph pin = new Paragraph(PIN_HELP);
        pin.setId("pin-help");
        add(new VerticalLayout(current, next, repeat, message, new H3("Handset PIN"), pin));

        Button change = new Button("Change password", e -> change());
        change.setId("password-change");
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button close = new Button("Close", e -> close());
        close.setId("password-close");
        getFooter().add(close, change);
    }

    private void change() {
        char[] old = current.getValue().toCharArray();
        char[] fresh = next.getValue().toCharArray();
        char[] again = repeat.getValue().toCharArray();
        current.clear();
        next.clear();
        repeat.clear();
        try {
            change(old, fresh, again);
        } finally {
            Arrays.fill(old, '\0');
            Arrays.fill(fresh, '\0');
            Arrays.fill(again, '\0');
        }
    }

    private void change(char[] old, char[] fresh, char[] again) {
        String key = "password-change:" + customer.customerId();
        if (old.length == 0 || fresh.length == 0) {
            show("Type your current password and the new one twice.", false);
            return;
        }
        if (!Arrays.equals(fresh, again)) {
            show("The new password and its repetition differ.", false);
            return;
        }
        if (throttle.isLocked(key)) {
            show("Too many wrong current passwords. Try again later.", false);
            return;
        }
        boolean changed;
        try {
            changed = customers.changePassword(customer.customerId(), old, fresh);
        } catch (RegistryException e) {
            if (RegistryException.INVALID_FIELD.equals(e.code())) {
                show("Not changed: " + e.getMessage() + ".", false);
            } else {
                show("Your password cannot be changed right now.", false);
            }
            return;
        } catch (RuntimeException e) {
            LOG.warn("password change failed: {}", e.toString());
            show("Your password cannot be changed right now. Please try again in a few minutes.", false);
            return;
        }
        if (!changed) {
            throttle.recordFailure(key);
            show("Your current password is not right.", false);
            return;
        }
        throttle.reset(key);
        // a new session id for this session; the customer's other sessions end
        VaadinService.reinitializeSession(VaadinRequest.getCurrent());
        var session = VaadinSession.getCurrent().getSession();
        sessions.signedIn(customer.customerId(), session);
        int ended = sessions.endOthers(customer.customerId(), session);
        LOG.info("customer {} changed the console password; {} other session(s) ended", customer.customerId(),
                ended);
        show("Password changed. Use it the next time you sign in; your other sessions have been signed out.", true);
    }

    private void show(String text, boolean success) {
        message.setText(text);
        message.getStyle().set("color", success ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
        message.setVisible(true);
    }
}
