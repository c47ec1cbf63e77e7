package org.accordpay.console.internal.operator;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinSession;

/**
 * What every operator view shares: only signed-in operators enter (others go to sign-in), the
 * navigation between the views, who is signed in, sign-out, and whether the operator may act.
 */
abstract class OperatorPage extends VerticalLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;

    private final Span who = new Span();

    OperatorPage(String title, String id) {
        setId(id);
        RouterLink carriers = new RouterLink("Carriers & traffic", CarriersView.class);
        carriers.setId("nav-carriers");
        RouterLink features = new RouterLink("Connectors", FeaturesView.class);
        features.setId("nav-features");
        RouterLink merchants = new RouterLink("Merchants", MerchantsView.class);
        merchants.setId("nav-merchants");
        RouterLink customers = new RouterLink("Customers", CustomersView.class);
        customers.setId("nav-customers");
        RouterLink audit = new RouterLink("Audit", AuditView.class);
        audit.setId("nav-audit");
        Button logout = new Button("Sign out", e -> signOut());
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        who.setId("signed-in-as");
        HorizontalLayout nav = new HorizontalLayout(carriers, features, merchants, customers, audit, who, logout);
        nav.setWidthFull();
        nav.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        nav.expand(who);
        add(nav, new H1(title));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        OperatorSession operator = OperatorSession.current().orElse(null);
        if (operator == null) {
            event.forwardTo(OperatorLoginView.class);
            return;
        }
        who.setText("Signed in: " + operator.login() + " (" + operator.role().name().toLowerCase() + ")");
        entered(operator);
    }

    /** Called when a signed-in operator enters: fill the view, show or hide the actions by role. */
    abstract void entered(OperatorSession operator);

    /** @return the signed-in operator, or throws when the session has none (a view is never shown without) */
    static OperatorSession operator() {
        return OperatorSession.current().orElseThrow(() -> new IllegalStateException("not signed in"));
    }

    /** @return the signed-in operator when they may act; tells them otherwise and returns null */
    static OperatorSession actor() {
        OperatorSession operator = operator();
        if (!operator.mayAct()) {
            error("Your role (viewer) can look, not act.");
            return null;
        }
        return operator;
    }

    static void done(String message) {
        Notification n = Notification.show(message, 5000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        n.setId("operator-done");
    }

    static void error(String message) {
        Notification n = Notification.show(message, 8000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        n.setId("operator-error");
    }

    private void signOut() {
        getUI().ifPresent(ui -> ui.getPage().setLocation("login"));
        VaadinSession.getCurrent().getSession().invalidate();
    }
}
