package org.accordpay.shell.internal;

import java.util.List;
import org.accordpay.api.registry.CustomerRegistry;
import org.accordpay.api.registry.RegistryException;
import org.accordpay.api.registry.dto.Customer;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code accord:customer-unlock CUSTOMER REASON}: unlocks a locked-out customer through the registry (audited). */
@Service
@Command(scope = "accord", name = "customer-unlock",
        description = "Unlocks a locked-out customer (recorded with the operator and reason)")
public final class CustomerUnlockCommand implements Action {

    @Reference
    CustomerRegistry registry;

    @Reference
    Session session;

    @Argument(index = 0, name = "customer", required = true, description = "Registry id of the customer")
    String customerId;

    @Argument(index = 1, name = "reason", required = true, multiValued = true,
            description = "Why: recorded in the audit trail")
    List<String> reason;

    @Override
    public Object execute() {
        String operator = RegistryRefusals.operator(session);
        try {
            Customer c = registry.unlock(customerId, operator, String.join(" ", reason));
            System.out.println("unlocked " + c.id() + " (now " + c.status() + ", by " + operator + ")");
        } catch (RegistryException e) {
            RegistryRefusals.print(e);
        }
        return null;
    }
}
