package org.accordpay.console.internal.purchases;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
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
 * The customer's purchases month by month (the current month first) or over any period picked,
 * with what was spent per month, a detail dialog with the purchase's trace and the customer's
 * actions, a CSV export of what is shown, and the spending of the last 12 months as a plot. For
 * signed-in customers only; the customer comes from the session, never the URL.
 */
@Route("")
@PageTitle("Accord – your purchases")
public final class PurchasesView extends VerticalLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PurchasesView.class);
    /** Page size of {@code listForCustomer}. */
    private static final int PAGE = 500;
    /** At most this many purchases are shown for one month or period. */
    static final int MONTH_CAP = 5_000;
    /** Months in the spending plot, the current one included. */
    static final int PLOT_MONTHS = 12;

    private final transient PurchaseService purchases;
    private final transient MerchantNames merchants;
    private final transient AccordClock clock;
    private final transient Function<CustomerSession, Dialog> passwordDialog;
    private final ZoneId zone;
    private final DateTimeFormatter when;

    private final Span who = new Span();
    private final H2 periodLabel = new H2();
    private final Button previous = new Button("‹ Previous month");
    private final Button next = new Button("Next month ›");
    private final DatePicker fromDay = new DatePicker("From");
    private final DatePicker toDay = new DatePicker("To");
    private final Span periodError = new Span();
    private final Paragraph total = new Paragraph();
    private final UnorderedList monthTotals = new UnorderedList();
    private final Grid<Purchase> grid = new Grid<>();
    private final Div plot = new Div();
    private final Paragraph plotNote = new Paragraph();

    private CustomerSession customer;
    /** The month shown, or null when a period is. */
    private MonthRange month;
    private PurchasePeriod period;

    /**
     * @param purchases the purchase service; @param merchants merchants' display names;
     * @param clock Accord's clock; @param zone zone months are cut in;
     * @param passwordDialog the password change dialog for the session's customer
     */
    public PurchasesView(PurchaseService purchases, MerchantNames merchants, AccordClock clock, ZoneId zone,
            Function<CustomerSession, Dialog> passwordDialog) {
        this.purchases = purchases;
        this.merchants = merchants;
        this.clock = clock;
        this.zone = zone;
        this.passwordDialog = passwordDialog;
        this.when = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH).withZone(zone);
        setId("purchases-view");
        setSizeFull();

        Button password = new Button("Password and PIN", e -> passwordDialog.apply(customer).open());
        password.setId("account-password");
        password.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button logout = new Button("Sign out", e -> signOut());
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        who.setId("signed-in-as");
        HorizontalLayout header = new HorizontalLayout(new H1("Your purchases"), who, password, logout);
        header.setWidthFull();
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        header.expand(who);

        previous.setId("month-previous");
        next.setId("month-next");
        periodLabel.setId("month-label");
        previous.addClickListener(e -> show(month == null ? MonthRange.containing(period.from(), zone).previous()
                : month.previous()));
        next.addClickListener(e -> show(month == null ? MonthRange.containing(period.from(), zone).next()
                : month.next()));
        fromDay.setId("period-from");
        toDay.setId("period-to");
        for (DatePicker day : List.of(fromDay, toDay)) {
            day.setLocale(Locale.UK);
            day.setWidth("10em");
        }
        Button showPeriod = new Button("Show period", e -> showPicked());
        showPeriod.setId("period-show");
        periodError.setId("period-error");
        periodError.getStyle().set("color", "var(--lumo-error-text-color)");
        Anchor csv = new Anchor((DownloadHandler) this::csv, AttachmentType.DOWNLOAD, "Export CSV");
        csv.setId("export-csv");
        HorizontalLayout picker = new HorizontalLayout(previous, periodLabel, next, fromDay, toDay, showPeriod, csv);
        picker.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        picker.setWrap(true);

        total.setId("month-total");
        monthTotals.setId("period-months");
        grid.setId("purchases-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(p -> when.format(p.createdAt())).setHeader("Date").setAutoWidth(true);
        grid.addColumn(p -> merchants.apply(p.merchantId())).setHeader("Merchant").setAutoWidth(true);
        grid.addColumn(Purchase::merchantOrderRef).setHeader("Order").setAutoWidth(true);
        grid.addColumn(p -> MoneyText.of(p.total())).setHeader("Amount").setAutoWidth(true);
        grid.addColumn(PurchaseWording::of).setHeader("Status").setAutoWidth(true);
        grid.setEmptyStateText("No purchases in this period.");
        grid.addItemClickListener(e -> openDetail(e.getItem().id()));
        grid.setMinHeight("12em");

        plot.setId("spending-plot");
        plot.setWidthFull();
        plot.setMaxWidth("48em");
        plotNote.setId("spending-plot-note");

        add(header, picker, periodError, total, monthTotals, grid,
                new H3("Spending over the last " + PLOT_MONTHS + " months"), plot, plotNote);
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
        showPlot();
    }

    private void show(MonthRange range) {
        month = range;
        periodLabel.setText(range.label());
        show(range.period(), range.label());
    }

    private void showPicked() {
        PurchasePeriod picked;
        try {
            picked = PurchasePeriod.picked(fromDay.getValue(), toDay.getValue(), clock.now(), zone);
        } catch (IllegalArgumentException e) {
            periodError.setText(e.getMessage());
            return;
        }
        month = null;
        periodLabel.setText(picked.label());
        show(picked, "the period");
    }

    private void show(PurchasePeriod range, String words) {
        period = range;
        periodError.setText("");
        YearMonth current = YearMonth.from(clock.now().atZone(zone));
        next.setEnabled(YearMonth.from(range.first()).isBefore(current));
        List<Purchase> rows;
        try {
            rows = periodOf(purchases, customer.customerId(), range.from(), range.to());
        } catch (RuntimeException e) {
            LOG.warn("purchases of a customer could not be read: {}", e.toString());
            grid.setItems(List.of());
            monthTotals.removeAll();
            total.setText("Your purchases cannot be shown right now. Please try again in a few minutes.");
            return;
        }
        grid.setItems(rows);
        List<Money> spent = MonthlyTotals.spent(rows);
        total.setText(spent.isEmpty() ? "Nothing spent in " + words + "."
                : "Spent in " + words + ": " + amounts(spent)
                        + " (net of refunds; " + rows.size() + (rows.size() == 1 ? " purchase)" : " purchases)"));
        monthTotals.removeAll();
        List<YearMonth> months = range.months();
        if (months.size() > 1) {
            MonthlyTotals.perMonth(rows, months, zone).forEach((m, amounts) -> {
                ListItem line = new ListItem(new MonthRange(m, zone).label() + ": "
                        + (amounts.isEmpty() ? "nothing spent" : amounts(amounts)));
                line.addClassName("period-month");
                monthTotals.add(line);
            });
        }
    }

    private void showPlot() {
        YearMonth current = YearMonth.from(clock.now().atZone(zone));
        PurchasePeriod year = new PurchasePeriod(current.minusMonths(PLOT_MONTHS - 1L).atDay(1),
                current.atEndOfMonth(), zone);
        plot.getElement().removeProperty("innerHTML");
        try {
            Map<YearMonth, List<Money>> perMonth = MonthlyTotals.perMonth(
                    periodOf(purchases, customer.customerId(), year.from(), year.to()), year.months(), zone);
            Optional<String> currency = SpendingChart.mainCurrency(perMonth);
            String drawn = currency.orElse("EUR");
            // the SVG is built with the Element API on the server; the browser's HTML parser puts it
            // in the SVG namespace (Flow's client would create plain HTML elements)
            plot.getElement().setProperty("innerHTML", SpendingChart.svg(perMonth, drawn).getOuterHTML());
            plotNote.setText(currency.isEmpty() ? "Nothing spent in the last " + PLOT_MONTHS + " months."
                    : "In " + drawn + ", net of refunds" + (perMonth.values().stream().flatMap(List::stream)
                            .anyMatch(m -> !m.currency().equals(drawn)) ? "; other currencies are in the totals." : "."));
        } catch (RuntimeException e) {
            LOG.warn("spending of a customer could not be read: {}", e.toString());
            plotNote.setText("Your spending cannot be shown right now.");
        }
    }

    private static String amounts(List<Money> amounts) {
        return amounts.stream().map(MoneyText::of).collect(Collectors.joining(", "));
    }

    /** @return the customer's purchases created in the month, newest first (at most {@link #MONTH_CAP}) */
    static List<Purchase> monthOf(PurchaseService purchases, String customerId, MonthRange range) {
        return periodOf(purchases, customerId, range.from(), range.to());
    }

    /** @return the customer's purchases created in {@code [from, to)}, newest first (at most {@link #MONTH_CAP}) */
    static List<Purchase> periodOf(PurchaseService purchases, String customerId, Instant from, Instant to) {
        List<Purchase> all = new ArrayList<>();
        String after = null;
        while (all.size() < MONTH_CAP) {
            List<Purchase> page = purchases.listForCustomer(customerId, from, to, after, PAGE);
            all.addAll(page);
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1).id();
        }
        all.sort(Comparator.comparing(Purchase::createdAt).reversed());
        return all.size() > MONTH_CAP ? all.subList(0, MONTH_CAP) : all;
    }

    /** Streams what is shown as CSV: the session's customer's purchases of the month or period. */
    private void csv(DownloadEvent event) throws IOException {
        VaadinSession session = event.getSession();
        Optional<CustomerSession> signedIn;
        PurchasePeriod shown;
        session.lock();
        try {
            signedIn = Optional.ofNullable(session.getAttribute(CustomerSession.class));
            shown = period;
        } finally {
            session.unlock();
        }
        if (signedIn.isEmpty() || shown == null || !signedIn.get().customerId().equals(customer.customerId())) {
            event.getResponse().setStatus(403);
            return;
        }
        List<Purchase> rows = periodOf(purchases, signedIn.get().customerId(), shown.from(), shown.to());
        event.setFileName("accord-purchases-" + shown.fileLabel() + ".csv");
        event.setContentType("text/csv; charset=UTF-8");
        Writer out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8);
        new PurchasesCsv(merchants, zone).write(rows, out);
    }

    private void openDetail(String purchaseId) {
        // read it again (the state may have moved) and only if it is this customer's
        CustomerActions actions = new CustomerActions(purchases, customer.customerId());
        actions.own(purchaseId).ifPresent(p -> new PurchaseDetailDialog(p, merchants.apply(p.merchantId()), when,
                PurchaseTrace.of(purchases.history(p.id())), actions, this::changed).open());
    }

    /** After an action: the list, totals and plot again, and the purchase as it is now. */
    private void changed(String purchaseId) {
        if (month != null) {
            show(month);
        } else {
            show(period, "the period");
        }
        showPlot();
        openDetail(purchaseId);
    }

    private void signOut() {
        getUI().ifPresent(ui -> ui.getPage().setLocation("login"));
        VaadinSession.getCurrent().getSession().invalidate();
    }
}
