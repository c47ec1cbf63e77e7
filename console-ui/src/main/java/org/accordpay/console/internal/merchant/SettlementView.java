package org.accordpay.console.internal.merchant;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.time.ZoneId;
import java.util.List;
import org.accordpay.api.purchase.PurchaseService;
import org.accordpay.api.purchase.dto.MerchantOrderQuery;
import org.accordpay.api.purchase.dto.Purchase;
import org.accordpay.api.time.AccordClock;
import org.accordpay.console.internal.purchases.MoneyText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The settlement of the orders of a period: paid, refunded, fees, paid out, still held. Merchant accounts only. */
@Route(value = "merchant/settlement", layout = MerchantLayout.class)
@PageTitle("Accord – settlement")
public final class SettlementView extends VerticalLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SettlementView.class);

    private final transient PurchaseService purchases;
    private final ZoneId zone;
    private final PeriodPicker period;
    private final Div message = new Div();
    private final Div report = new Div();
    private transient MerchantOrders orders;

    /** @param purchases the purchase service; @param clock Accord's clock; @param zone zone days are cut in */
    public SettlementView(PurchaseService purchases, AccordClock clock, ZoneId zone) {
        this.purchases = purchases;
        this.zone = zone;
        setId("settlement-view");
        period = new PeriodPicker("settlement", clock, zone);
        Button apply = new Button("Show", e -> show());
        apply.setId("settlement-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout controls = new HorizontalLayout(period, apply);
        controls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        message.setId("settlement-message");
        message.getStyle().set("color", "var(--lumo-error-text-color)");
        message.setVisible(false);
        report.setId("settlement-report");
        add(new Paragraph("Orders created in the period: what customers paid, what you refunded, what Accord paid"
                + " out to you for delivered orders and its fees on them, and what is held until delivery."),
                controls, message, report);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        MerchantSession.require(event).ifPresent(s -> {
            orders = new MerchantOrders(purchases, s.merchantId());
            show();
        });
    }

    private void show() {
        message.setVisible(false);
        report.removeAll();
        MerchantOrderQuery query;
        try {
            query = OrderFilter.query(orders.merchantId(), period.from.getValue(), period.to.getValue(), zone, null,
                    null, null, OrdersView.CURRENCY, null);
        } catch (IllegalArgumentException e) {
            message.setText(e.getMessage());
            message.setVisible(true);
            return;
        }
        List<SettlementReport> totals;
        try {
            List<Purchase> all = orders.all(query);
            totals = SettlementReport.of(all, orders.eventsOfType(SettlementReport.SETTLED_EVENT));
        } catch (RuntimeException e) {
            LOG.warn("settlement of a merchant could not be read: {}", e.toString());
            message.setText("The settlement cannot be shown right now. Please try again in a few minutes.");
            message.setVisible(true);
            return;
        }
        if (totals.isEmpty()) {
            Span none = new Span("No orders in this period.");
            none.setId("settlement-none");
            report.add(none);
        }
        for (SettlementReport t : totals) {
            FormLayout form = new FormLayout();
            form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 2));
            String c = t.currency();
            form.addFormItem(value("orders", c, t.orders() + " (" + t.paidOrders() + " paid)"), "Orders");
            form.addFormItem(value("paid", c, MoneyText.of(t.paid(), c)), "Paid by customers");
            form.addFormItem(value("refunded", c, MoneyText.of(t.refunded(), c)), "Refunded");
            form.addFormItem(value("fees", c, MoneyText.of(t.fees(), c)), "Accord fees");
            form.addFormItem(value("paid-out", c, MoneyText.of(t.paidOut(), c)), "Paid out to you");
            form.addFormItem(value("held", c, MoneyText.of(t.awaitingPayout(), c)), "Held until delivery");
            report.add(new H3(c), form);
        }
    }

    private static Span value(String what, String currency, String words) {
        Span s = new Span(words);
        s.setId("settlement-" + what + "-" + currency);
        return s;
    }
}
