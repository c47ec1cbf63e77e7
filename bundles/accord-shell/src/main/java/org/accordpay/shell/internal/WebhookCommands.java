package org.accordpay.shell.internal;

import java.util.concurrent.Callable;
import org.accordpay.api.webhook.WebhookException;
import org.accordpay.api.webhook.dto.WebhookEndpoint;

/** What the webhook commands share: refusals in words, an endpoint on one line. */
final class WebhookCommands {

    private WebhookCommands() {
    }

    static Object run(Callable<Object> operation) throws Exception {
        try {
            return operation.call();
        } catch (WebhookException e) {
            throw new IllegalStateException("Refused [" + e.code() + "]: " + e.getMessage());
        }
    }

    static String line(WebhookEndpoint e) {
        return String.format("%-26s %-4s %-8s after #%d%s  %s", e.id(), e.mode().name().toLowerCase(),
                e.disabledAt() == null ? "active" : "disabled", e.deliveredUpTo(),
                e.lastError() == null ? "" : " (failing since " + e.failingSince() + ": " + e.lastError() + ")",
                e.url());
    }
}
