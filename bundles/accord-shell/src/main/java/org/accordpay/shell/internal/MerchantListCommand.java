package org.accordpay.shell.internal;

import java.util.List;
import org.accordpay.api.registry.MerchantRegistry;
import org.accordpay.api.registry.RegistryException;
import org.accordpay.api.registry.dto.Merchant;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code accord:merchant-list [--after ID] [--limit N]}: merchants in id order, one per line. */
@Service
@Command(scope = "accord", name = "merchant-list", description = "Lists merchants in id order (paged)")
public final class MerchantListCommand implements Action {

    @Reference
    MerchantRegistry registry;

    @Option(name = "--after", description = "Start after this merchant id (the last one of the previous page)")
    String after;

    @Option(name = "--limit", description = "Page size, 1..500")
    int limit = 50;

    @Override
    public Object execute() {
        try {
            List<Merchant> page = registry.list(after, limit);
            System.out.printf("%-20s %-10s %-8s %-9s %-9s %s%n", "ID", "STATUS", "PAID", "DISPUTES", "REFUNDS",
                    "DISPLAY NAME");
            for (Merchant m : page) {
                System.out.printf("%-20s %-10s %-8d %-9d %-9d %s%n", m.id(), m.status(), m.quality().paid(),
                        m.quality().disputed(), m.quality().refunded(), m.displayName());
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
