package org.accordpay.console.internal.purchases;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import org.accordpay.api.purchase.dto.Purchase;
import org.accordpay.api.purchase.dto.PurchaseItem;
import org.accordpay.api.registry.dto.PostalAddress;

/**
 * One purchase in detail: the basket with its amounts, the state, delivery, the trace of its steps,
 * and what the customer may do now (confirm delivery received, open a dispute), each behind a
 * confirmation dialog.
 */
final class PurchaseDetailDialog extends Dialog {

    private static final long serialVersionUID = 1L;

    private final transient CustomerActions actions;
    private final transient Consumer<String> changed;
    private final Div error = new Div();

    /**
     * @param trace   the purchase's steps in the customer's words
     * @param actions what the session customer may do
     * @param changed called with the purchase id after an action changed it
     */
    PurchaseDetailDialog(Purchase purchase, String merchantName, DateTimeFormatter when,
            List<PurchaseTrace.Line> trace, CustomerActions actions, Consumer<String> changed) {
        this.actions = actions;
        this.changed = changed;
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

        OrderedList steps = new OrderedList();
        steps.setId("purchase-trace");
        for (PurchaseTrace.Line line : trace) {
            ListItem item = new ListItem(when.format(line.at()) + " — " + line.words());
            item.addClassName("trace-step");
            steps.add(item);
        }
        error.setId("purchase-detail-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);
        add(facts, items, new H4("What happened"), steps, error);

        Button close = new Button("Close", e -> close());
        close.setId("purchase-detail-close");
        if (actions.mayConfirmDelivery(purchase)) {
            Button confirm = new Button("Confirm delivery received", e -> confirmDelivery(purchase));
            confirm.setId("purchase-confirm-delivery");
            confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            getFooter().add(confirm);
        }
        if (actions.mayDispute(purchase)) {
            Button dispute = new Button("Open a dispute", e -> openDispute(purchase));
            dispute.setId("purchase-dispute");
            dispute.addThemeVariants(ButtonVariant.LUMO_ERROR);
            getFooter().add(dispute);
        }
        getFooter().add(close);
    }

    private void confirmDelivery(Purchase purchase) {
        ConfirmDialog ask = new ConfirmDialog();
        ask.setId("confirm-delivery-dialog");
        ask.setHeader("Did you receive order " + purchase.merchantOrderRef() + "?");
        ask.setText("Confirm only once you have the goods: the money held in escrow is then paid to the merchant,"
                + " and you can no longer open a dispute about this purchase.");
        ask.setCancelable(true);
        Button no = new Button("Not yet", e -> ask.close());
        no.setId("confirm-delivery-cancel");
        ask.setCancelButton(no);
        Button yes = new Button("Yes, I received it");
        yes.setId("confirm-delivery-yes");
        yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ask.setConfirmButton(yes);
        ask.addConfirmListener(e -> act(() -> actions.confirmDelivery(purchase.id()), purchase));
        ask.open();
    }

    private void openDispute(Purchase purchase) {
        Dialog ask = new Dialog();
        ask.setId("dispute-dialog");
        ask.setHeaderTitle("Open a dispute about order " + purchase.merchantOrderRef());
        ask.setWidth("30em");
        TextArea reason = new TextArea("What went wrong?");
        reason.setId("dispute-reason");
        reason.setWidthFull();
        reason.setMaxLength(CustomerActions.REASON_MAX);
        reason.setHelperText("The money stays in escrow until Accord's operators settle the dispute with you and"
                + " the merchant.");
        ask.add(reason);
        Button submit = new Button("Open the dispute", e -> {
            try {
                actions.openDispute(purchase.id(), reason.getValue());
            } catch (IllegalArgumentException invalid) {
                reason.setErrorMessage(invalid.getMessage());
                reason.setInvalid(true);
                return;
            } catch (IllegalStateException refused) {
                ask.close();
                showError(refused.getMessage());
                return;
            }
            ask.close();
            close();
            changed.accept(purchase.id());
        });
        submit.setId("dispute-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button cancel = new Button("Cancel", e -> ask.close());
        cancel.setId("dispute-cancel");
        ask.getFooter().add(cancel, submit);
        ask.open();
    }

    private void act(Runnable action, Purchase purchase) {
        try {
            action.run();
        } catch (IllegalStateException refused) {
            showError(refused.getMessage());
            return;
        }
        close();
        changed.accept(purchase.id());
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }
}
