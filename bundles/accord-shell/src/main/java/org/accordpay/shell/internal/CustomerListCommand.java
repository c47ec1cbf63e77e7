package org.accordpay.shell.internal;

import java.util.List;
import org.accordpay.api.registry.CustomerRegistry;
import org.accordpay.api.registry.RegistryException;
import org.accordpay.api.registry.dto.Customer;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code accord:customer-list [--after ID] [--limit N]}: customers in id order, one per line. */
@Service
@Command(scope = "accord", name = "customer-list", description = "Lists customers in id order (paged)")
public final class CustomerListCommand implements Action {

    @Reference
    CustomerRegistry registry;

    @Option(name = "--after", description = "Start after this customer id (the last one of the previous page)")
    String after;

    @Option(name = "--limit", description = "Page size, 1..500")
    int limit = 50;

    @Override
    public Object execute() {
        try {
            List<Customer> page = registry.list(after, limit);
            System.out.printf("%-28s %-8s %-14s %-16s %s%n", "ID", "STATUS", "REFERENCE", "PHONE", "COUNTRY");
            for (Customer c : page) {
                System.out.printf("%-28s %-8s %-14s %-16s %s%n", c.id(), c.status(),
                        c.reference() == null ? "-" : c.reference(), c.phoneE164(), c.country());
            }
            if (page.size() == limit) {
                System.out.println("more: --after " + page.get(page.size() - 1).id());
            }
        } catch (RegistryException e) {
            RegistryRefusals.print(e);
        }
        return null;
    }
}
