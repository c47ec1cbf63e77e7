package org.accordpay.rest.internal;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.purchase.dto.CustomerIdentifier;
import org.accordpay.api.purchase.dto.PurchaseItem;
import org.accordpay.api.purchase.dto.PurchaseRequest;

/** Checks a create-purchase body field by field and turns it into a {@link PurchaseRequest}. */
final class PurchaseRequests {

    static final int MAX_ITEMS = 100;
    static final int MAX_QUANTITY = 10_000;
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private PurchaseRequests() {
    }

    static PurchaseRequest toRequest(String merchantId, Mode mode, Bodies.CreatePurchaseBody body) {
        if (body == null) {
            throw ApiProblem.invalid(null, "a JSON body is required");
        }
        CustomerIdentifier customer;
        if (hosted(body)) {
            if (body.customer() != null) {
                throw ApiProblem.invalid("customer", "a hosted checkout has no customer: the buyer gives the phone"
                        + " number on Accord's payment page");
            }
            customer = null;
        } else {
            customer = customer(body.customer());
        }
        if (body.items() == null || body.items().isEmpty()) {
            throw ApiProblem.invalid("items", "at least one item is required");
        }
        if (body.items().size() > MAX_ITEMS) {
            throw ApiProblem.invalid("items", "at most " + MAX_ITEMS + " items");
        }
        List<PurchaseItem> items = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < body.items().size(); i++) {
            Bodies.ItemBody item = body.items().get(i);
            String at = "items[" + i + "]";
            if (item == null) {
                throw ApiProblem.invalid(at, "an item is required");
            }
            if (item.name() == null || item.name().isBlank() || item.name().length() > 255) {
                throw ApiProblem.invalid(at + ".name", "an item name is required (at most 255 characters)");
            }
            if (item.unitPrice() == null) {
                throw ApiProblem.invalid(at + ".unit_price", "the unit price (minor units) is required");
            }
            if (item.unitPrice() < 0) {
                throw new ApiProblem(422, "invalid-amount", "Invalid amount", "a unit price must not be negative",
                        at + ".unit_price");
            }
            if (item.quantity() == null || item.quantity() < 1 || item.quantity() > MAX_QUANTITY) {
                throw ApiProblem.invalid(at + ".quantity", "the quantity is 1 to " + MAX_QUANTITY);
            }
            try {
                total = Math.addExact(total, Math.multiplyExact(item.unitPrice(), (long) item.quantity()));
            } catch (ArithmeticException e) {
                throw new ApiProblem(422, "invalid-amount", "Invalid amount", "the basket total overflows", at);
            }
            items.add(new PurchaseItem(item.name(), item.unitPrice(), item.quantity()));
        }
        if (total <= 0) {
            throw new ApiProblem(422, "invalid-amount", "Invalid amount", "the basket total must be positive", "items");
        }
        String currency = body.currency();
        if (currency == null || !CURRENCY.matcher(currency).matches() || !known(currency)) {
            throw new ApiProblem(422, "invalid-currency", "Invalid currency",
                    "currency must be an ISO 4217 code, e.g. EUR", "currency");
        }
        if (body.merchantOrderRef() == null || body.merchantOrderRef().isBlank()
                || body.merchantOrderRef().length() > 128) {
            throw ApiProblem.invalid("merchant_order_ref", "the merchant order reference is required (at most 128"
                    + " characters)");
        }
        String returnUrl = body.returnUrl();
        if (returnUrl != null) {
            checkReturnUrl(returnUrl, mode, "return_url");
        }
        return new PurchaseRequest(merchantId, customer, items, currency, body.merchantOrderRef(), returnUrl, mode);
    }

    private static CustomerIdentifier customer(Bodies.CustomerBody c) {
        if (c == null) {
            throw ApiProblem.invalid("customer", "the customer is required: phone and country, or reference");
        }
        if ((c.phone() == null) == (c.reference() == null)) {
            throw ApiProblem.invalid("customer", "give either customer.phone with customer.country, or"
                    + " customer.reference");
        }
        if (c.reference() != null) {
            if (c.reference().isBlank() || c.reference().length() > 64 || c.country() != null) {
                throw ApiProblem.invalid("customer.reference", "a reference is 1 to 64 characters, without country");
            }
            return CustomerIdentifier.byReference(c.reference());
        }
        return byPhone(c.phone(), c.country(), "customer.");
    }

    /**
     * @param prefix prefix of the field names in problems ({@code customer.} or empty)
     * @return the buyer by phone, after the format checks (nothing about enrolment)
     */
    static CustomerIdentifier byPhone(String phone, String country, String prefix) {
        if (phone == null || !E164.matcher(phone).matches()) {
            throw new ApiProblem(422, "invalid-phone", "Invalid phone number",
                    "the phone number must be E.164, e.g. +33612345678", prefix + "phone");
        }
        if (country == null || !COUNTRY.matcher(country).matches()) {
            throw ApiProblem.invalid(prefix + "country", "the country is ISO 3166-1 alpha-2, e.g. FR");
        }
        return CustomerIdentifier.byPhone(phone, country);
    }

    /** @return true for a hosted checkout ({@code "checkout":"hosted"}); absent means the merchant names the customer */
    static boolean hosted(Bodies.CreatePurchaseBody body) {
        if (body.checkout() == null) {
            return false;
        }
        if (!"hosted".equals(body.checkout())) {
            throw ApiProblem.invalid("checkout", "checkout is \"hosted\" or absent");
        }
        return true;
    }

    private static boolean known(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A return URL is an absolute https URL (http too in test mode), without credentials, at most 1000 characters. */
    static void checkReturnUrl(String url, Mode mode, String field) {
        org.accordpay.api.registry.ReturnUrls.urlProblem(url, mode).ifPresent(problem -> {
            throw ApiProblem.invalid(field, problem);
        });
    }
}
