package org.accordpay.shell.internal;

import java.util.Optional;
import org.accordpay.api.purchase.dto.CustomerIdentifier;
import org.accordpay.api.registry.CustomerRegistry;
import org.accordpay.api.registry.dto.Customer;
import org.accordpay.api.registry.dto.PostalAddress;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code accord:customer-show ID|PHONE|REFERENCE}: one customer. An id finds any customer; a phone
 * number or reference finds enrolled (ACTIVE or LOCKED) customers only, as merchants would.
 */
@Service
@Command(scope = "accord", name = "customer-show",
        description = "Shows a customer by registry id, phone number or Accord reference")
public final class CustomerShowCommand implements Action {

    @Reference
    CustomerRegistry registry;

    @Argument(index = 0, name = "customer", required = true,
            description = "Registry id (c-...), phone number, or reference number (AC...)")
    String key;

    @Option(name = "--country", description = "Country for a phone number in national form (ISO 3166-1 alpha-2)")
    String country = "FR";

    @Override
    public Object execute() {
        Optional<Customer> found = registry.find(key);
        if (found.isEmpty() && key.toUpperCase(java.util.Locale.ROOT).startsWith("AC")) {
            found = registry.resolve(CustomerIdentifier.byReference(key));
        } else if (found.isEmpty()) {
            found = registry.resolve(CustomerIdentifier.byPhone(key, country));
        }
        if (found.isEmpty()) {
            System.err.println("No customer " + key + " (phone numbers and references find enrolled customers only)");
            return null;
        }
        Customer c = found.get();
        PostalAddress a = c.deliveryAddress();
        System.out.println("customer   : " + c.id());
        System.out.println("status     : " + c.status());
        System.out.println("reference  : " + (c.reference() == null ? "-" : c.reference()));
        System.out.println("phone      : " + c.phoneE164() + " (" + c.country() + ")");
        System.out.println("account    : " + RegistryRefusals.account(c.bankAccount()));
        System.out.println("mandate    : " + (c.mandateId() == null ? "-" : c.mandateId()));
        System.out.println("address    : " + a.name() + ", " + a.street().replace('\n', ' ') + ", " + a.postalCode()
                + " " + a.city() + ", " + a.country());
        System.out.println("enrolled   : " + (c.enrolledAt() == null ? "-" : c.enrolledAt()));
        return null;
    }
}
