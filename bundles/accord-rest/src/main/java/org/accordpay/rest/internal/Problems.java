package org.accordpay.rest.internal;

import java.util.Map;
import org.accordpay.api.purchase.PurchaseException;
import org.accordpay.api.registry.RegistryException;
import org.accordpay.api.webhook.WebhookException;

/** The HTTP status and title of every stable refusal code of the purchase flow and the registry. */
final class Problems {

    private record Kind(int status, String title) {
    }

    private static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry("unknown-merchant", new Kind(403, "Merchant unknown")),
            Map.entry("merchant-not-admitted", new Kind(403, "Merchant not admitted")),
            Map.entry("unknown-customer", new Kind(422, "Customer unknown")),
            Map.entry("customer-locked", new Kind(422, "Customer locked")),
            Map.entry("customer-not-active", new Kind(422, "Customer not active")),
            Map.entry("invalid-amount", new Kind(422, "Invalid amount")),
            Map.entry("invalid-currency", new Kind(422, "Invalid currency")),
            Map.entry("invalid-request", new Kind(422, "Invalid request")),
            Map.entry("invalid-phone", new Kind(422, "Invalid phone number")),
            Map.entry("invalid-field", new Kind(422, "Invalid field")),
            Map.entry("wrong-state", new Kind(409, "Not allowed in the purchase's state")),
            Map.entry("wrong-status", new Kind(409, "Not allowed in the current status")),
            Map.entry("disputed", new Kind(409, "Purchase disputed")),
            Map.entry("debit-in-progress", new Kind(409, "Debit in progress")),
            Map.entry("challenge-open", new Kind(409, "A challenge is already open for this customer")),
            Map.entry("unknown-purchase", new Kind(404, "No such purchase")),
            Map.entry("rate-limited", new Kind(429, "Too many requests")),
            Map.entry("challenge-cap-reached", new Kind(429, "Too many challenges for this customer")),
            Map.entry("bank-unavailable", new Kind(503, "Bank unavailable")),
            Map.entry(WebhookException.INVALID_URL, new Kind(422, "Invalid URL")),
            Map.entry(WebhookException.FORBIDDEN_TARGET, new Kind(422, "Forbidden webhook target")),
            Map.entry(WebhookException.UNKNOWN_ENDPOINT, new Kind(404, "No such webhook endpoint")));

    private Problems() {
    }

    static ApiProblem of(PurchaseException e) {
        return of(e.code(), e.getMessage());
    }

    static ApiProblem of(RegistryException e) {
        return of(e.code(), e.getMessage());
    }

    static ApiProblem of(WebhookException e) {
        return of(e.code(), e.getMessage());
    }

    /** Unknown codes are refusals of the request as made: 422. */
    static ApiProblem of(String code, String detail) {
        Kind k = KINDS.getOrDefault(code, new Kind(422, "Request refused"));
        String field = switch (code) {
            case "unknown-customer", "customer-locked", "customer-not-active", "invalid-phone" -> "customer";
            case "invalid-currency" -> "currency";
            case "invalid-amount" -> "amount";
            case WebhookException.INVALID_URL, WebhookException.FORBIDDEN_TARGET -> "url";
            default -> null;
        };
        return new ApiProblem(k.status(), code, k.title(), detail, field);
    }

    /** @return the HTTP status a code maps to (for tests and docs) */
    static int status(String code) {
        return KINDS.getOrDefault(code, new Kind(422, "")).status();
    }
}
