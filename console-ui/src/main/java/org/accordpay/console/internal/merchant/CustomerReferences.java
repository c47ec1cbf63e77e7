package org.accordpay.console.internal.merchant;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.accordpay.api.purchase.dto.CustomerIdentifier;
import org.accordpay.api.registry.CustomerRegistry;
import org.accordpay.api.registry.dto.Customer;
import org.accordpay.console.internal.login.SignInIdentifier;

/**
 * Customers as merchants know them: by their Accord reference, looked up once per view. A merchant
 * never sees a customer's phone number here.
 */
final class CustomerReferences {

    private final CustomerRegistry customers;
    private final Map<String, String> known = new HashMap<>();

    CustomerReferences(CustomerRegistry customers) {
        this.customers = customers;
    }

    /** @return the customer's reference, or an empty string when there is none (hosted checkout not finished) */
    String of(String customerId) {
        if (customerId == null) {
            return "";
        }
        return known.computeIfAbsent(customerId, id -> {
            try {
                return customers.find(id).map(Customer::reference).orElse("");
            } catch (RuntimeException e) {
                return "";
            }
        });
    }

    /**
     * @param typed a reference as printed (case, spaces and dashes do not matter)
     * @return the registry id of the customer with this reference, if any
     */
    Optional<String> customerId(String typed) {
        CustomerIdentifier reference;
        try {
            reference = SignInIdentifier.byReference(typed);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return customers.resolve(reference).map(Customer::id);
    }
}
