package org.accordpay.console.internal.merchant;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import org.accordpay.api.money.Money;
import org.accordpay.api.purchase.PurchaseException;
import org.accordpay.api.purchase.PurchaseService;
import org.accordpay.api.purchase.dto.Purchase;
import org.accordpay.api.purchase.dto.PurchaseItem;
import org.accordpay.api.registry.CustomerRegistry;
import org.accordpay.api.registry.dto.PostalAddress;
import org.accordpay.console.internal.purchases.MoneyText;

/**
 * One order of the session's merchant: basket, state, delivery address (only once paid), shipping
 * and refunds. The id in the URL only selects; the order is shown and acted on only if it is the
 * session merchant's, and another merchant's order looks exactly like one that does not exist.
 */
@Route(value = "merchant/orders", layout = MerchantLayout.class)
@PageTitle("Accord – order")
public final class OrderView extends VerticalLayout implements HasUrlParameter<String>, BeforeEnterObserver {

    private static final long serialVersionUID = 1L;
    static final String NOT_FOUND = "No such order.";

    private final transient PurchaseService purchases;
    private final transient CustomerReferences references;
    private final DateTimeFormatter when;

    private final Div message = new Div();
    private final Div body = new Div();
    private String purchaseId;
    private transient MerchantOrders orders;
    private MerchantSession account;

    /** @param purchases the purchase service; @param customers customers' references; @param zone zone of dates */
    public OrderView(PurchaseService purchases, CustomerRegistry customers, ZoneId zone) {
        this.purchases = purchases;
        this.references = new CustomerReferences(customers);
        this.when = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH).withZone(zone);
        setId("order-view");
        message.setId("order-message");
        message.setVisible(false);
        body.setWidthFull();
        add(message, body);
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String parameter) {
        purchaseId = parameter;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        MerchantSession.require(event).ifPresent(s -> {
            account = s;
            orders = new MerchantOrders(purchases, s.merchantId());
            show(orders.owned(purchaseId));
        });
    }

    private void show(Optional<Purchase> found) {
        body.removeAll();
        if (found.isEmpty()) {
            Span none = new Span(NOT_FOUND);
            none.setId("order-not-found");
            body.add(none);
            return;
        }
        Purchase p = found.get();
        String currency = p.total().currency();
        H2 title = new H2("Order " + p.merchantOrderRef());
        title.setId("order-title");

        FormLayout facts = new FormLayout();
        facts.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 2));
        facts.addFormItem(text("order-status", OrderWording.of(p)), "Status");
        facts.addFormItem(text("order-date", when.format(p.createdAt())), "Date");
        facts.addFormItem(text("order-total", MoneyText.of(p.total())), "Total");
        facts.addFormItem(text("order-refunded", MoneyText.of(refunded(p))), "Refunded");
        facts.addFormItem(text("order-customer", references.of(p.customerId())), "Customer");
        facts.addFormItem(text("order-mode", p.mode().name().toLowerCase(Locale.ROOT)), "Mode");
        if (p.reason() != null && !p.reason().isBlank()) {
            facts.addFormItem(text("order-reason", p.reason()), "Why");
        }
        if (p.trackingRef() != null) {
            facts.addFormItem(text("order-tracking", p.courierId() + " " + p.trackingRef()), "Shipped with");
        }
        PostalAddress to = p.deliveryAddress();
        facts.addFormItem(text("order-address", to == null ? "Shown once the order is paid"
                : String.join(", ", to.name(), to.street().replace('\n', ' '), to.postalCode() + " " + to.city(),
                        to.country())), "Deliver to");
        facts.addFormItem(text("order-id", p.id()), "Accord purchase id");

        Grid<PurchaseItem> items = new Grid<>();
        items.setId("order-items");
        items.addColumn(PurchaseItem::name).setHeader("Item").setFlexGrow(1);
        items.addColumn(PurchaseItem::quantity).setHeader("Qty").setAutoWidth(true);
        items.addColumn(i -> MoneyText.of(i.unitPriceMinor(), currency)).setHeader("Unit price").setAutoWidth(true);
        items.addColumn(i -> MoneyText.of(i.lineTotalMinor(), currency)).setHeader("Amount").setAutoWidth(true);
        items.setItems(p.items());
        items.setAllRowsVisible(true);

        body.add(title, facts, items, shipping(p), refunding(p));
    }

    private VerticalLayout shipping(Purchase p) {
        TextField courier = new TextField("Courier");
        courier.setId("ship-courier");
        TextField tracking = new TextField("Tracking reference");
        tracking.setId("ship-tracking");
        Button ship = new Button("Mark shipped", e -> act(() -> purchases.markShipped(account.merchantId(), p.id(),
                courier.getValue().strip(), tracking.getValue().strip()), "Marked as shipped."));
        ship.setId("ship");
        HorizontalLayout row = new HorizontalLayout(courier, tracking, ship);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        VerticalLayout section = new VerticalLayout(new H3("Shipping"), row);
        section.setPadding(false);
        section.setVisible(p.state() == org.accordpay.api.purchase.PurchaseState.IN_ESCROW);
        return section;
    }

    private VerticalLayout refunding(Purchase p) {
        long left = p.total().minorUnits() - refunded(p).minorUnits();
        TextField amount = new TextField("Amount to refund (" + p.total().currency() + ")");
        amount.setId("refund-amount");
        amount.setValue(BigDecimal.valueOf(left, Currency.getInstance(p.total().currency()).getDefaultFractionDigits())
                .toPlainString());
        TextField reason = new TextField("Reason");
        reason.setId("refund-reason");
        Button refund = new Button("Refund…", e -> confirmRefund(p, amount.getValue(), reason.getValue()));
        refund.setId("refund");
        refund.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout row = new HorizontalLayout(amount, reason, refund);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        VerticalLayout section = new VerticalLayout(new H3("Refund"), row);
        section.setPadding(false);
        section.setVisible(left > 0 && org.accordpay.console.internal.purchases.MonthlyTotals.SPENT.contains(p.state()));
        return section;
    }

    private void confirmRefund(Purchase p, String typedAmount, String reason) {
        Long minor;
        try {
            minor = OrderFilter.minorUnits(typedAmount, p.total().currency(), "refund");
        } catch (IllegalArgumentException e) {
            showMessage(e.getMessage(), true);
            return;
        }
        if (minor == null || minor <= 0) {
            showMessage("Enter the amount to refund.", true);
            return;
        }
        if (reason == null || reason.isBlank()) {
            showMessage("Give a reason for the refund; the customer sees it.", true);
            return;
        }
        Money amount = Money.of(minor, p.total().currency());
        ConfirmDialog confirm = new ConfirmDialog("Refund " + MoneyText.of(amount) + "?",
                "Order " + p.merchantOrderRef() + ": " + MoneyText.of(amount) + " goes back to the customer. This"
                        + " cannot be undone.", "Refund", e -> act(() -> purchases.refund(account.merchantId(), p.id(),
                                amount, reason.strip()), "Refunded " + MoneyText.of(amount) + "."));
        confirm.setId("refund-confirm");
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    /** Runs an action on the order; the service checks again that it is this merchant's. */
    private void act(Runnable action, String done) {
        try {
            action.run();
        } catch (PurchaseException e) {
            showMessage(words(e), true);
            return;
        } catch (RuntimeException e) {
            showMessage("This cannot be done right now. Please try again in a few minutes.", true);
            return;
        }
        show(orders.owned(purchaseId));
        showMessage(done, false);
    }

    /** @return the refusal in the merchant's words */
    static String words(PurchaseException e) {
        return switch (e.code()) {
            case "unknown-purchase" -> NOT_FOUND;
            case "wrong-state" -> "Not possible in the order's current state.";
            case "invalid-amount" -> "The amount is not possible: at most what is left to refund.";
            default -> "Refused: " + e.getMessage();
        };
    }

    private void showMessage(String words, boolean error) {
        message.setText(words);
        message.getStyle().set("color", error ? "var(--lumo-error-text-color)" : "var(--lumo-success-text-color)");
        message.setVisible(true);
    }

    private static Money refunded(Purchase p) {
        return p.refunded() == null ? Money.of(0, p.total().currency()) : p.refunded();
    }

    private static Span text(String id, String words) {
        Span s = new Span(words);
        s.setId(id);
        return s;
    }
}
