package org.accordpay.shell.internal;

import org.accordpay.api.webhook.WebhookEndpoints;
import org.accordpay.api.webhook.dto.WebhookEndpoint;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code accord:webhook-list MERCHANT}: a merchant's endpoints and where their deliveries stand. */
@Service
@Command(scope = "accord", name = "webhook-list", description = "Lists a merchant's webhook endpoints and their delivery state")
public final class WebhookListCommand implements Action {

    @Reference
    WebhookEndpoints webhooks;

    @Argument(index = 0, name = "merchant", required = true)
    String merchantId;

    @Override
    public Object execute() {
        for (WebhookEndpoint e : webhooks.list(merchantId)) {
            System.out.println(WebhookCommands.line(e));
        }
        return null;
    }
}
