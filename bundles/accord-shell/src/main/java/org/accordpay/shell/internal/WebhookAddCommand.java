package org.accordpay.shell.internal;

import org.accordpay.api.purchase.Mode;
import org.accordpay.api.webhook.WebhookEndpoints;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code accord:webhook-add MERCHANT URL test|live}: registers a merchant's webhook URL. */
@Service
@Command(scope = "accord", name = "webhook-add",
        description = "Registers a merchant's webhook URL (live: https and public addresses only)")
public final class WebhookAddCommand implements Action {

    @Reference
    WebhookEndpoints webhooks;

    @Reference
    Session session;

    @Argument(index = 0, name = "merchant", required = true)
    String merchantId;

    @Argument(index = 1, name = "url", required = true)
    String url;

    @Argument(index = 2, name = "mode", required = true, description = "test or live")
    String mode;

    @Option(name = "--from-seq", description = "Deliver events after this sequence number (default 0: all)")
    long fromSeq;

    @Override
    public Object execute() throws Exception {
        return WebhookCommands.run(() -> {
            var e = webhooks.register(merchantId, url, Mode.valueOf(mode.toUpperCase()), fromSeq,
                    RegistryRefusals.operator(session));
            System.out.println(WebhookCommands.line(e));
            System.out.println("deliveries are signed with key " + webhooks.signingKey());
            return null;
        });
    }
}
