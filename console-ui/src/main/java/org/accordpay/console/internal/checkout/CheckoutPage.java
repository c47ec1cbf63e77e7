package org.accordpay.console.internal.checkout;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import java.util.Optional;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.purchase.dto.CheckoutView;
import org.accordpay.api.purchase.dto.CheckoutView.BuyerState;
import org.accordpay.api.purchase.dto.PurchaseItem;
import org.accordpay.console.internal.login.LoginView.Country;
import org.accordpay.console.internal.purchases.MoneyText;

/**
 * Accord's hosted payment page ({@code /checkout/<token>}, the merchant API's {@code checkout_url}): the
 * merchant and the basket, the buyer's phone number, then "approve on your phone", updated by server push
 * until the purchase is approved, declined or expired, and back to the merchant's registered return URL.
 * Open to anyone: the unguessable token is the credential, and the page never shows anything about the buyer.
 */
@Route("checkout/:token")
@PageTitle("Accord – payment")
public final class CheckoutPage extends VerticalLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;
    /** How long the final state stays on screen before the page goes back to the shop. */
    static final int BACK_TO_SHOP_MILLIS = 4000;

    private final transient CheckoutDesk desk;
    private final H2 heading = new H2();
    private final Paragraph explanation = new Paragraph();
    private final TextField phone = new TextField("Mobile number");
    private final ComboBox<Country> country = new ComboBox<>("Country of residence");
    private final Div error = new Div();
    private final Button pay = new Button("Pay");
    private final VerticalLayout form = new VerticalLayout();
    private final Div back = new Div();
    private String token;
    private transient AutoCloseable watch;

    /** @param desk the hosted checkout's server side */
    public CheckoutPage(CheckoutDesk desk) {
        this.desk = desk;
        setId("checkout-page");
        setMaxWidth("32em");
        getStyle().set("margin", "0 auto");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        token = event.getRouteParameters().get("token").orElse(null);
        Optional<CheckoutView> checkout = desk.find(token);
        if (checkout.isEmpty()) {
            token = null;
            Paragraph unknown = new Paragraph(CheckoutWording.UNKNOWN);
            unknown.setId("checkout-unknown");
            add(new H1("Accord"), unknown);
            return;
        }
        build(checkout.get());
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        startWatching(attachEvent.getUI());
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        stopWatching();
        super.onDetach(detachEvent);
    }

    private void build(CheckoutView c) {
        H1 merchant = new H1(c.merchantName());
        merchant.setId("checkout-merchant");
        add(merchant);
        if (c.mode() == Mode.TEST) {
            Span test = new Span("Test payment: no real money moves");
            test.setId("checkout-test-mode");
            test.getElement().getThemeList().add("badge contrast");
            add(test);
        }
        Paragraph order = new Paragraph("Order " + c.merchantOrderRef());
        order.setId("checkout-order");
        add(order, basket(c));

        heading.setId("checkout-heading");
        explanation.setId("checkout-explanation");
        phone.setId("checkout-phone");
        phone.setPlaceholder("+33 6 12 34 56 78");
        phone.setWidthFull();
        country.setId("checkout-country");
        country.setItems(Country.all());
        country.setItemLabelGenerator(Country::name);
        country.setValue(Country.of("FR"));
        country.setWidthFull();
        error.setId("checkout-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);
        pay.setId("checkout-submit");
        pay.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        pay.addClickShortcut(Key.ENTER);
        pay.setWidthFull();
        pay.addClickListener(e -> submit());
        form.setPadding(false);
        form.add(phone, country, error, pay);
        back.setId("checkout-back");
        add(heading, explanation, form, back);
        show(c);
    }

    private Div basket(CheckoutView c) {
        Div basket = new Div();
        basket.setId("checkout-basket");
        basket.setWidthFull();
        for (PurchaseItem item : c.items()) {
            Div line = new Div();
            line.addClassName("checkout-item");
            line.getStyle().set("display", "flex").set("justify-content", "space-between");
            line.add(new Span(item.quantity() + " × " + item.name() + " at "
                    + MoneyText.of(item.unitPriceMinor(), c.total().currency())),
                    new Span(MoneyText.of(item.lineTotalMinor(), c.total().currency())));
            basket.add(line);
        }
        Div total = new Div();
        total.getStyle().set("display", "flex").set("justify-content", "space-between").set("font-weight", "bold")
                .set("border-top", "1px solid var(--lumo-contrast-20pct)").set("margin-top", "0.5em");
        Span amount = new Span(MoneyText.of(c.total()));
        amount.setId("checkout-total");
        total.add(new Span("Total"), amount);
        basket.add(total);
        return basket;
    }

    /** Shows the checkout in its buyer's state; once it is over, goes back to the shop after a moment. */
    private void show(CheckoutView c) {
        BuyerState state = c.buyerState();
        heading.setText(CheckoutWording.heading(state));
        heading.getElement().setAttribute("data-state", state.name().toLowerCase(java.util.Locale.ROOT));
        explanation.setText(CheckoutWording.explanation(state));
        form.setVisible(state == BuyerState.AWAITING_CUSTOMER);
        back.removeAll();
        if (state.open()) {
            return;
        }
        stopWatching();
        Optional<String> address = ReturnAddress.of(c);
        if (address.isPresent()) {
            Anchor link = new Anchor(address.get(), CheckoutWording.back(true));
            link.setId("checkout-return");
            back.add(link);
            // before attach (a checkout already over when the page opens) the UI is the current one
            Optional.ofNullable(getUI().orElse(UI.getCurrent())).ifPresent(ui -> ui.getPage().executeJs(
                    "setTimeout(function () { window.location.assign($0); }, $1);", address.get(),
                    BACK_TO_SHOP_MILLIS));
        } else {
            back.add(new Paragraph(CheckoutWording.back(false)));
        }
    }

    private void submit() {
        String address = VaadinSession.getCurrent() == null ? null
                : VaadinSession.getCurrent().getBrowser().getAddress();
        CheckoutDesk.Submission answer = desk.submit(token, address, phone.getValue(),
                Optional.ofNullable(country.getValue()).map(Country::code).orElse(null));
        if (!answer.taken()) {
            error.setText(answer.message());
            error.setVisible(true);
            if (answer.kind() == CheckoutDesk.Submission.Kind.OVER) {
                desk.find(token).ifPresent(this::show);
            }
            return;
        }
        error.setVisible(false);
        heading.setText(CheckoutWording.heading(BuyerState.AWAITING_APPROVAL));
        heading.getElement().setAttribute("data-state", "awaiting_approval");
        explanation.setText(CheckoutWording.explanation(BuyerState.AWAITING_APPROVAL));
        form.setVisible(false);
        getUI().ifPresent(this::startWatching);
    }

    /** Watches an open checkout; each change is pushed to the browser. */
    private void startWatching(UI ui) {
        if (token == null || watch != null) {
            return;
        }
        Optional<CheckoutView> now = desk.find(token);
        if (now.isEmpty() || !now.get().buyerState().open()) {
            return;
        }
        BuyerState shown = form.isVisible() ? BuyerState.AWAITING_CUSTOMER : BuyerState.AWAITING_APPROVAL;
        watch = desk.watch(token, shown, c -> {
            try {
                ui.access(() -> show(c));
            } catch (UIDetachedException gone) {
                stopWatching();
            }
        });
    }

    private void stopWatching() {
        AutoCloseable w = watch;
        watch = null;
        if (w != null) {
            try {
                w.close();
            } catch (Exception e) {
                // a cancelled task has nothing left to close
            }
        }
    }
}
