package org.accordpay.console.internal.merchant;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.accordpay.api.purchase.PurchaseService;
import org.accordpay.api.purchase.dto.MerchantEvent;

/**
 * The merchant's events, as {@code GET /v1/events} answers them and webhooks deliver them: oldest
 * first, a page at a time by sequence number. Merchant accounts only.
 */
@Route(value = "merchant/events", layout = MerchantLayout.class)
@PageTitle("Accord – events")
public final class EventsView extends VerticalLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;
    static final int PAGE = 100;

    private final transient PurchaseService purchases;
    private final DateTimeFormatter when;
    private final Grid<MerchantEvent> grid = new Grid<>();
    private final Button previous = new Button("‹ Earlier");
    private final Button next = new Button("Later ›");
    /** Sequence numbers the pages shown before started after, to go back. */
    private final Deque<Long> starts = new ArrayDeque<>();
    private long after;
    private transient MerchantOrders orders;

    /** @param purchases the purchase service (merchant events); @param zone zone of dates */
    public EventsView(PurchaseService purchases, ZoneId zone) {
        this.purchases = purchases;
        this.when = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss", Locale.ENGLISH).withZone(zone);
        setId("events-view");
        setSizeFull();
        grid.setId("events-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(MerchantEvent::seq).setHeader("#").setAutoWidth(true);
        grid.addColumn(e -> when.format(e.at())).setHeader("When").setAutoWidth(true);
        grid.addColumn(MerchantEvent::type).setHeader("Type").setAutoWidth(true);
        grid.addColumn(MerchantEvent::purchaseId).setHeader("Purchase").setAutoWidth(true);
        grid.addColumn(MerchantEvent::json).setHeader("Body").setFlexGrow(1);
        grid.setEmptyStateText("No events.");
        previous.setId("events-previous");
        next.setId("events-next");
        previous.addClickListener(e -> show(starts.isEmpty() ? 0 : starts.pop()));
        next.addClickListener(e -> {
            starts.push(after);
            List<MerchantEvent> shown = grid.getListDataView().getItems().toList();
            show(shown.isEmpty() ? after : shown.get(shown.size() - 1).seq());
        });
        add(new Paragraph("What Accord told you about your orders, oldest first: the same events as GET /v1/events"
                + " and your webhooks."), new HorizontalLayout(previous, next), grid);
        expand(grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        MerchantSession.require(event).ifPresent(s -> {
            orders = new MerchantOrders(purchases, s.merchantId());
            starts.clear();
            show(0);
        });
    }

    private void show(long afterSeq) {
        after = afterSeq;
        List<MerchantEvent> page = orders.events(afterSeq, PAGE);
        grid.setItems(page);
        previous.setEnabled(!starts.isEmpty());
        next.setEnabled(page.size() == PAGE);
    }
}
