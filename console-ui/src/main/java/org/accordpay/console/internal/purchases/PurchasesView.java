package org.accordpay.console.internal.purchases;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.accordpay.api.money.Money;
import org.accordpay.api.purchase.PurchaseService;
import org.accordpay.api.purchase.dto.Purchase;
import org.accordpay.api.time.AccordClock;
import org.accordpay.console.internal.login.CustomerSession;
import org.accordpay.console.internal.login.LoginView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The customer's purchases month by month, the current month first, with the month's total and a
 * detail dialog. For signed-in customers only; the customer comes from the session, never the URL.
 */
@Route("")
@PageTitle("Accord – your purchases")
public final class PurchasesView extends VerticalLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PurchasesView.class);
    /** Page size of {@code listForCustomer}. */
    private static final int PAGE = 500;
    /** At most this many purchases are shown for one month. */
    static final int MONTH_CAP = 5_000;

    private final transient PurchaseService purchases;
    private final transient MerchantNames merchants;
    private final transient AccordClock clock;
    private final ZoneId zone;
    private final DateTimeFormatter when;

    private final Span who = new Span();
    private final H2 monthLabel = new H2();
    private final Button previous = new Button("‹ Previous month");
    private final Button next = new Button("Next month ›");
    private final Paragraph total = new Paragraph();
    private final Grid<Purchase> grid = new Grid<>();

    private CustomerSession customer;
    private MonthRange month;

    /**
     * @param purchases the purchase service; @param merchants merchants' display names;
     * @param clock Accord's clock; @param zone zone months are cut in
     */
    public PurchasesView(PurchaseService purchases, MerchantNames merchants, AccordClock clock, ZoneId zone) {
        this.purchases = purchases;
        this.merchants = merchants;
        this.clock = clock;
        this.zone = zone;
        this.when = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH).withZone(zone);
        setId("purchases-view");
        setSizeFull();

        Button logout = new Button("Sign out", e -> signOut());
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        who.setId("signed-in-as");
        HorizontalLayout header = new HorizontalLayout(new H1("Your purchases"), who, logout);
        header.setWidthFull();
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        header.expand(who);

        previous.setId("month-previous");
        next.setId("month-next");
        monthLabel.setId("month-label");
        previous.addClickListener(e -> show(month.previous()));
        next.addClickListener(e -> show(month.next()));
        HorizontalLayout picker = new HorizontalLayout(previous, monthLabel, next);
        picker.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);

        total.setId("month-total");
        grid.setId("purchases-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(p -> when.format(p.createdAt())).setHeader("Date").setAutoWidth(true);
        grid.addColumn(p -> merchants.apply(p.merchantId())).setHeader("Merchant").setAutoWidth(true);
        grid.addColumn(Purchase::merchantOrderRef).setHeader("Order").setAutoWidth(true);
        grid.addColumn(p -> MoneyText.of(p.total())).setHeader("Amount").setAutoWidth(true);
        grid.addColumn(PurchaseWording::of).setHeader("Status").setAutoWidth(true);
        grid.setEmptyStateText("No purchases this month.");
        grid.addItemClickListener(e -> openDetail(e.getItem()));

        add(header, picker, total, grid);
        expand(grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var signedIn = CustomerSession.current();
        if (signedIn.isEmpty()) {
            event.forwardTo(LoginView.class);
            return;
        }
        customer = signedIn.get();
        who.setText("Signed in: " + customer.phoneE164()
                + (customer.reference() == null ? "" : " · " + customer.reference()));
        show(MonthRange.containing(clock.now(), zone));
    }

    private void show(MonthRange range) {
        month = range;
        monthLabel.setText(range.label());
        next.setEnabled(range.month().isBefore(MonthRange.containing(clock.now(), zone).month()));
        List<Purchase> rows;
        try {
            rows = monthOf(purchases, customer.customerId(), range);
        } catch (RuntimeException e) {
            LOG.warn("purchases of a customer could not be read: {}", e.toString());
            grid.setItems(List.of());
            total.setText("Your purchases cannot be shown right now. Please try again in a few minutes.");
            return;
        }
        grid.setItems(rows);
        List<Money> spent = MonthlyTotals.spent(rows);
        total.setText(spent.isEmpty() ? "Nothing spent in " + range.label() + "."
                : "Spent in " + range.label() + ": "
                        + spent.stream().map(MoneyText::of).collect(Collectors.joining(", "))
                        + " (net of refunds; " + rows.size() + (rows.size() == 1 ? " purchase)" : " purchases)"));
    }

    /** @return the customer's purchases created in the month, newest first (at most {@link #MONTH_CAP}) */
    static List<Purchase> monthOf(PurchaseService purchases, String customerId, MonthRange range) {
        List<Purchase> all = new ArrayList<>();
        String after = null;
        while (all.size() < MONTH_CAP) {
            List<Purchase> page = purchases.listForCustomer(customerId, range.from(), range.to(), after, PAGE);
            all.addAll(page);
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1).id();
        }
        all.sort(Comparator.comparing(Purchase::createdAt).reversed());
        return all.size() > MONTH_CAP ? all.subList(0, MONTH_CAP) : all;
    }

    private void openDetail(Purchase row) {
        // read it again (the state may have moved) and only if it is this customer's
        purchases.find(row.id()).filter(p -> p.customerId().equals(customer.customerId()))
                .ifPresent(p -> new PurchaseDetailDialog(p, merchants.apply(p.merchantId()), when).open());
    }

    private void signOut() {
        getUI().ifPresent(ui -> ui.getPage().setLocation("login"));
        VaadinSession.getCurrent().getSession().invalidate();
    }
}
