package org.accordpay.console.internal.merchant;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinSession;

/**
 * The frame of the merchant views: the merchant's name, the sections and sign-out. Sends anyone
 * without a merchant session to the merchant sign-in page (each view checks again).
 */
public final class MerchantLayout extends VerticalLayout implements RouterLayout, BeforeEnterObserver {

    private static final long serialVersionUID = 1L;

    private final Span who = new Span();

    /** Builds the header and the section links. */
    public MerchantLayout() {
        setId("merchant-layout");
        setSizeFull();
        who.setId("merchant-signed-in-as");
        Button logout = new Button("Sign out", e -> signOut());
        logout.setId("merchant-logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout nav = new HorizontalLayout(link("Orders", OrdersView.class, "nav-orders"),
                link("Settlement", SettlementView.class, "nav-settlement"),
                link("API keys and URLs", IntegrationView.class, "nav-integration"),
                link("Events", EventsView.class, "nav-events"));
        HorizontalLayout header = new HorizontalLayout(new H1("Accord for merchants"), who, nav, logout);
        header.setWidthFull();
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        header.expand(who);
        add(header);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        MerchantSession.require(event).ifPresent(s -> who.setText(s.merchantName() + " · " + s.login()));
    }

    private static RouterLink link(String text, Class<? extends com.vaadin.flow.component.Component> view, String id) {
        RouterLink link = new RouterLink(text, view);
        link.setId(id);
        return link;
    }

    private void signOut() {
        getUI().ifPresent(ui -> ui.getPage().setLocation("merchant/login"));
        VaadinSession.getCurrent().getSession().invalidate();
    }
}
