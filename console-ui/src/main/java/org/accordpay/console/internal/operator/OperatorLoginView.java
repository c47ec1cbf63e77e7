package org.accordpay.console.internal.operator;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import java.util.Arrays;
import org.accordpay.api.operator.OperatorAccounts;
import org.accordpay.api.operator.OperatorException;
import org.accordpay.api.operator.dto.Operator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Operator sign-in: login, password and the 6-digit code of the authenticator app. Open to anyone. */
@Route("login")
@PageTitle("Accord operator – sign in")
public final class OperatorLoginView extends VerticalLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(OperatorLoginView.class);

    /** The same words for an unknown login, a wrong password, a wrong or reused code. */
    static final String NOT_RECOGNISED = "Wrong login, password or code.";
    static final String LOCKED = "Too many failed attempts: this account is locked for a while. Ask another"
            + " administrator, or try again later.";

    private final transient OperatorAccounts accounts;
    private final TextField login = new TextField("Login");
    private final PasswordField password = new PasswordField("Password");
    private final TextField code = new TextField("Code from your authenticator app");
    private final Div error = new Div();

    /** @param accounts the operator accounts that check password and code */
    public OperatorLoginView(OperatorAccounts accounts) {
        this.accounts = accounts;
        setId("operator-login-view");
        setMaxWidth("28em");
        getStyle().set("margin", "0 auto");
        login.setId("login-name");
        login.setWidthFull();
        password.setId("login-password");
        password.setWidthFull();
        code.setId("login-code");
        code.setWidthFull();
        code.setMaxLength(6);
        code.setAllowedCharPattern("[0-9]");
        error.setId("login-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);
        Button signIn = new Button("Sign in", e -> signIn());
        signIn.setId("login-submit");
        signIn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        signIn.addClickShortcut(Key.ENTER);
        signIn.setWidthFull();
        add(new H1("Accord operations"), new Paragraph("Operators only. Every action is recorded with your login."),
                login, password, code, error, signIn);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (OperatorSession.current().isPresent()) {
            event.forwardTo(CarriersView.class);
        }
    }

    private void signIn() {
        char[] secret = password.getValue().toCharArray();
        String typed = code.getValue();
        password.clear();
        code.clear();
        try {
            Operator operator = accounts.signIn(login.getValue(), secret, typed);
            // a new session id at sign-in, so an id planted before it (fixation) is worthless
            VaadinService.reinitializeSession(VaadinRequest.getCurrent());
            OperatorSession.signIn(new OperatorSession(operator.login(), operator.role()));
            getUI().ifPresent(ui -> ui.navigate(CarriersView.class));
        } catch (OperatorException e) {
            showError(OperatorException.LOCKED_OUT.equals(e.code()) ? LOCKED : NOT_RECOGNISED);
        } catch (RuntimeException e) {
            LOG.warn("operator sign-in failed: {}", e.toString());
            showError("Signing in is not possible right now. Please try again in a few minutes.");
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }
}
