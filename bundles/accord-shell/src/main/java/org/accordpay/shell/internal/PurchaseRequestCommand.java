package org.accordpay.shell.internal;

import java.util.ArrayList;
import java.util.List;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.purchase.PurchaseService;
import org.accordpay.api.purchase.dto.CustomerIdentifier;
import org.accordpay.api.purchase.dto.Purchase;
import org.accordpay.api.purchase.dto.PurchaseItem;
import org.accordpay.api.purchase.dto.PurchaseRequest;
import org.accordpay.api.registry.MerchantRegistry;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code accord:purchase-request --merchant M --phone +33.. --country FR [--live] ITEM...}: step 2 as a
 * merchant would ask it; items are {@code name:price[:quantity]} with the price in major units.
 */
@Service
@Command(scope = "accord", name = "purchase-request",
        description = "Requests a purchase for a merchant (as the merchant API would); the customer's handset is challenged")
public final class PurchaseRequestCommand implements Action {

    @Reference
    PurchaseService purchases;

    @Reference
    MerchantRegistry merchants;

    @Option(name = "--merchant", required = true,
            description = "Merchant id, or the exact display name of an admitted merchant, e.g. \"Demo Shop\"")
    String merchantId;

    @Option(name = "--phone", description = "Customer phone number (with --country)")
    String phone;

    @Option(name = "--country", description = "Customer country of residence, ISO 3166 alpha-2")
    String country;

    @Option(name = "--reference", description = "Customer Accord reference (instead of the phone)")
    String reference;

    @Option(name = "--currency", description = "ISO 4217 currency (default EUR)")
    String currency = "EUR";

    @Option(name = "--order", description = "Merchant order reference (default: generated)")
    String order;

    @Option(name = "--live", description = "A live purchase (default: test mode)")
    boolean live;

    @Argument(index = 0, name = "items", required = true, multiValued = true,
            description = "Basket lines name:price[:quantity], e.g. \"Blue mug:12.50:2\"")
    List<String> items;

    @Override
    public Object execute() throws Exception {
        List<PurchaseItem> basket = new ArrayList<>();
        for (String item : items) {
            String[] parts = item.split(":");
            if (parts.length < 2 || parts.length > 3) {
                throw new IllegalArgumentException("item must be name:price[:quantity]: " + item);
            }
            basket.add(new PurchaseItem(parts[0], PurchaseCommands.minor(parts[1]),
                    parts.length == 3 ? Integer.parseInt(parts[2]) : 1));
        }
        CustomerIdentifier customer = reference != null ? CustomerIdentifier.byReference(reference)
                : CustomerIdentifier.byPhone(phone, country);
        String orderRef = order != null ? order : "shell-" + System.currentTimeMillis();
        String merchant = RegistryRefusals.merchantId(merchants, merchantId);
        return PurchaseCommands.run(() -> {
            Purchase p = purchases.request(new PurchaseRequest(merchant, customer, basket, currency, orderRef, null,
                    live ? Mode.LIVE : Mode.TEST));
            System.out.println(p.id() + " " + p.state() + " " + PurchaseCommands.amount(p.total())
                    + ": the customer's handset is asked to approve");
            return null;
        });
    }
}
