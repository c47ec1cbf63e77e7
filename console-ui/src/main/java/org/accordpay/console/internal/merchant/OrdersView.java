package org.accordpay.console.internal.merchant;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.accordpay.api.purchase.PurchaseService;
import org.accordpay.api.purchase.PurchaseState;
import org.accordpay.api.purchase.dto.MerchantOrderQuery;
import org.accordpay.api.purchase.dto.Purchase;
import org.accordpay.api.registry.CustomerRegistry;
import org.accordpay.api.time.AccordClock;
import org.accordpay.console.internal.purchases.MoneyText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The merchant's orders of a period (the current month by default) with filters, a plot of orders
 * and revenue per day, and a grid that pages lazily through the store. For signed-in merchant
 * accounts only; the merchant comes from the session, never the URL.
 */
@Route(value = "merchant", layout = MerchantLayout.class)
@PageTitle("Accord – orders")
public final class OrdersView extends VerticalLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(OrdersView.class);
    /** The currency amounts are typed and plotted in. */
    static final String CURRENCY = "EUR";

    private final transient PurchaseService purchases;
    private final transient CustomerReferences references;
    private final ZoneId zone;
    private final DateTimeFormatter when;

    private final PeriodPicker period;
    private final MultiSelectComboBox<PurchaseState> states = new MultiSelectComboBox<>("Status");
    private final TextField minAmount = new TextField("Amount from (" + CURRENCY + ")");
    private final TextField maxAmount = new TextField("Amount to (" + CURRENCY + ")");
    private final TextField customer = new TextField("Customer reference");
    private final Div message = new Div();
    private final Paragraph summary = new Paragraph();
    private final DailyPlot plot = new DailyPlot();
    private final Grid<Purchase> grid = new Grid<>();

    private transient MerchantOrders orders;
    private MerchantOrderQuery query;

    /**
     * @param purchases the purchase service; @param customers the customer registry (references);
     * @param clock Accord's clock; @param zone zone days are cut in
     */
    public OrdersView(PurchaseService purchases, CustomerRegistry customers, AccordClock clock, ZoneId zone) {
        this.purchases = purchases;
        this.references = new CustomerReferences(customers);
        this.zone = zone;
        this.when = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH).withZone(zone);
        setId("orders-view");
        setSizeFull();
        period = new PeriodPicker("orders", clock, zone);

        states.setId("orders-status");
        states.setItems(Arrays.asList(PurchaseState.values()));
        states.setItemLabelGenerator(OrderWording::of);
        minAmount.setId("orders-min");
        maxAmount.setId("orders-max");
        customer.setId("orders-customer");
        customer.setPlaceholder("AC0000000000");
        Button apply = new Button("Show", e -> apply());
        apply.setId("orders-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout filters = new HorizontalLayout(period, states, minAmount, maxAmount, customer, apply);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");

        message.setId("orders-message");
        message.getStyle().set("color", "var(--lumo-error-text-color)");
        message.setVisible(false);
        summary.setId("orders-summary");

        grid.setId("orders-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setPageSize(50);
        grid.addColumn(p -> when.format(p.createdAt())).setHeader("Date").setAutoWidth(true);
        grid.addColumn(Purchase::merchantOrderRef).setHeader("Order").setAutoWidth(true);
        grid.addColumn(p -> references.of(p.customerId())).setHeader("Customer").setAutoWidth(true);
        grid.addColumn(p -> MoneyText.of(p.total())).setHeader("Amount").setAutoWidth(true);
        grid.addColumn(OrderWording::of).setHeader("Status").setAutoWidth(true);
        grid.setEmptyStateText("No orders match.");
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(OrderView.class, e.getItem().id())));

        add(filters, message, summary, plot, grid);
        expand(grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        MerchantSession.require(event).ifPresent(s -> {
            orders = new MerchantOrders(purchases, s.merchantId());
            apply();
        });
    }

    private void apply() {
        message.setVisible(false);
        String customerId = null;
        if (!customer.getValue().isBlank()) {
            // an unknown reference matches no order rather than all of them
            customerId = references.customerId(customer.getValue()).orElse("unknown-reference");
        }
        try {
            query = OrderFilter.query(orders.merchantId(), period.from.getValue(), period.to.getValue(), zone,
                    states.getValue(), minAmount.getValue(), maxAmount.getValue(), CURRENCY, customerId);
        } catch (IllegalArgumentException e) {
            message.setText(e.getMessage());
            message.setVisible(true);
            return;
        }
        MerchantOrderQuery shown = query;
        MerchantOrders source = orders;
        grid.setItems(DataProvider.fromCallbacks(q -> source.page(shown, q.getOffset(), q.getLimit()),
                q -> source.count(shown)));
        try {
            List<Purchase> all = orders.all(query);
            plot.show(DailyFigures.of(all, period.from.getValue(), period.to.getValue(), zone, CURRENCY), CURRENCY);
            List<SettlementReport> totals = SettlementReport.of(all, List.of());
            summary.setText(all.isEmpty() ? "No orders match in this period." : all.size()
                    + (all.size() == 1 ? " order" : " orders") + "; paid, net of refunds: " + totals.stream()
                            .map(t -> MoneyText.of(t.paid() - t.refunded(), t.currency()))
                            .collect(Collectors.joining(", ")));
        } catch (RuntimeException e) {
            LOG.warn("orders of a merchant could not be read: {}", e.toString());
            summary.setText("Your orders cannot be shown right now. Please try again in a few minutes.");
        }
    }
}
