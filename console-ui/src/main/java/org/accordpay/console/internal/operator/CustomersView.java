package org.accordpay.console.internal.operator;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.accordpay.api.registry.CustomerRegistry;
import org.accordpay.api.registry.RegistryException;
import org.accordpay.api.registry.dto.Customer;
import org.accordpay.api.registry.dto.CustomerStatus;

/** Customers locked out by wrong PINs, and unlock with a recorded reason, as {@code accord:customer-unlock}. */
@Route("customers")
@PageTitle("Accord operator – locked-out customers")
public final class CustomersView extends OperatorPage {

    private static final long serialVersionUID = 1L;
    /** Customers read per registry page while looking for locked ones. */
    static final int PAGE = 500;
    /** Customers looked through at most (the registry has no query by status yet). */
    static final int SCANNED = 20_000;

    private final transient CustomerRegistry customers;
    private final Grid<Customer> grid = new Grid<>();
    private final ReasonedAction actions = new ReasonedAction("customer");

    CustomersView(CustomerRegistry customers) {
        super("Locked-out customers", "customers-view");
        this.customers = customers;
        grid.setId("customers-grid");
        grid.addColumn(Customer::phoneE164).setHeader("Phone").setAutoWidth(true);
        grid.addColumn(Customer::reference).setHeader("Reference").setAutoWidth(true);
        grid.addColumn(Customer::country).setHeader("Country");
        grid.addColumn(Customer::id).setHeader("Id").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        actions.button("Unlock", "customer-unlock", (who, why) -> customers.unlock(selected(), who, why),
                this::reload);
        add(new Paragraph("Customers whose handset is locked after wrong PINs. Unlock only after checking who asks."),
                grid, actions);
    }

    @Override
    void entered(OperatorSession operator) {
        actions.allow(operator.mayAct());
        reload();
    }

    private String selected() {
        return Optional.ofNullable(grid.asSingleSelect().getValue()).map(Customer::id)
                .orElseThrow(() -> new RegistryException(RegistryException.INVALID_FIELD, "select a customer first"));
    }

    private void reload() {
        List<Customer> locked = new ArrayList<>();
        String after = null;
        for (int seen = 0; seen < SCANNED; seen += PAGE) {
            List<Customer> page = customers.list(after, PAGE);
            page.stream().filter(c -> c.status() == CustomerStatus.LOCKED).forEach(locked::add);
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1).id();
        }
        grid.setItems(locked);
    }
}
