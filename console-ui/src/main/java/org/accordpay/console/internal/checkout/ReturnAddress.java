package org.accordpay.console.internal.checkout;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.accordpay.api.purchase.dto.CheckoutView;

/**
 * Where the payment page sends the buyer once the checkout is over: the merchant's registered return URL
 * (never one from the request), with {@code purchase=<id>&status=<state>} added to its query.
 */
public final class ReturnAddress {

    private ReturnAddress() {
    }

    /**
     * @param checkout the checkout as Accord knows it
     * @return the address to go to, or empty while the buyer still has something to do or when the merchant
     *         gave no return URL
     */
    public static Optional<String> of(CheckoutView checkout) {
        String registered = checkout.returnUrl();
        if (registered == null || registered.isBlank() || checkout.buyerState().open()) {
            return Optional.empty();
        }
        int fragment = registered.indexOf('#');
        String base = fragment >= 0 ? registered.substring(0, fragment) : registered;
        String tail = fragment >= 0 ? registered.substring(fragment) : "";
        String separator = base.contains("?") ? (base.endsWith("?") || base.endsWith("&") ? "" : "&") : "?";
        return Optional.of(base + separator + "purchase=" + encode(checkout.purchaseId()) + "&status="
                + encode(checkout.buyerState().name().toLowerCase(Locale.ROOT)) + tail);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
