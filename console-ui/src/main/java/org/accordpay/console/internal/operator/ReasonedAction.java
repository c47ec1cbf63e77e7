package org.accordpay.console.internal.operator;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.BiConsumer;
import org.accordpay.api.registry.RegistryException;

/**
 * A reason field and the action buttons that need it (suspend, reinstate, unlock...): the reason
 * is required, the action gets the operator's login and the reason, and a refusal of the registry
 * is shown in its words, changing nothing.
 */
final class ReasonedAction extends HorizontalLayout {

    private static final long serialVersionUID = 1L;

    private final TextField reason = new TextField("Reason (recorded in the audit trail)");

    ReasonedAction(String idPrefix) {
        reason.setId(idPrefix + "-reason");
        reason.setWidth("28em");
        add(reason);
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    }

    /**
     * Adds a button.
     *
     * @param action gets the operator's login and the reason; throws {@link RegistryException} to refuse
     * @param after  runs after a success (reload the list)
     */
    Button button(String label, String id, BiConsumer<String, String> action, Runnable after) {
        Button b = new Button(label, e -> {
            OperatorSession operator = OperatorPage.actor();
            if (operator == null) {
                return;
            }
            String why = reason.getValue().strip();
            if (why.isEmpty()) {
                OperatorPage.error("Give a reason: it is recorded with your login.");
                return;
            }
            try {
                action.accept(operator.login(), why);
                reason.clear();
                OperatorPage.done(label + ": done");
                after.run();
            } catch (RegistryException refused) {
                OperatorPage.error(label + " refused: " + refused.getMessage());
            }
        });
        b.setId(id);
        add(b);
        return b;
    }

    /** Shows or hides the actions by role. */
    void allow(boolean mayAct) {
        getChildren().forEach(c -> c.setVisible(mayAct));
    }
}
