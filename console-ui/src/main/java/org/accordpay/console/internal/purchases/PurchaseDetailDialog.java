package org.accordpay.console.internal.purchases;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import java.time.format.DateTimeFormatter;
import org.accordpay.api.purchase.dto.Purchase;
import org.accordpay.api.purchase.dto.PurchaseItem;
import org.accordpay.api.registry.dto.PostalAddress;

/** One purchase in detail: the basket with its amounts, the state, delivery. */
final class PurchaseDetailDialog extends Dialog {

    private static final long serialVersionUID = 1L;

    PurchaseDetailDialog(Purchase purchase, String merchantName, DateTimeFormatter when) {
        setId("purchase-detail");
        setHeaderTitle("Purchase " + purchase.merchantOrderRef());
        setWidth("40em");
        String currency = purchase.total().currency();

        FormLayout facts = new FormLayout();
        facts.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        facts.addFormItem(new Span(merchantName), "Merchant");
        facts.addFormItem(new Span(purchase.merchantOrderRef()), "Order");
        facts.addFormItem(new Span(when.format(purchase.createdAt())), "Date");
        Span status = new Span(PurchaseWording.of(purchase));
        status.setId("purchase-detail-status");
        facts.addFormItem(status, "Status");
        if (purchase.reason() != null && !purchase.reason().isBlank()) {
            facts.addFormItem(new Span(purchase.reason()), "Why");
        }
        facts.addFormItem(new Span(when.format(purchase.updatedAt())), "Last change");
        Span total = new Span(MoneyText.of(purchase.total()));
        total.setId("purchase-detail-total");
        facts.addFormItem(total, "Total");
        if (purchase.refunded() != null && purchase.refunded().minorUnits() > 0) {
            facts.addFormItem(new Span(MoneyText.of(purchase.refunded())), "Refunded");
        }
        if (purchase.trackingRef() != null) {
            facts.addFormItem(new Span(purchase.courierId() + " " + purchase.trackingRef()), "Tracking");
        }
        PostalAddress to = purchase.deliveryAddress();
        if (to != null) {
            facts.addFormItem(new Span(String.join(", ", to.name(), to.street().replace('\n', ' '),
                    to.postalCode() + " " + to.city(), to.country())), "Delivery to");
        }
        facts.addFormItem(new Span(purchase.id()), "Accord purchase id");

        Grid<PurchaseItem> items = new Grid<>();
        items.setId("purchase-detail-items");
        items.addColumn(PurchaseItem::name).setHeader("Item").setFlexGrow(1);
        items.addColumn(PurchaseItem::quantity).setHeader("Qty").setAutoWidth(true);
        items.addColumn(i -> MoneyText.of(i.unitPriceMinor(), currency)).setHeader("Unit price").setAutoWidth(true);
        items.addColumn(i -> MoneyText.of(i.lineTotalMinor(), currency)).setHeader("Amount").setAutoWidth(true);
        items.setItems(purchase.items());
        items.setAllRowsVisible(true);

        add(facts, items);
        Button close = new Button("Close", e -> close());
        close.setId("purchase-detail-close");
        getFooter().add(close);
    }
}
