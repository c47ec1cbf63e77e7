package org.accordpay.shell.internal;

import org.accordpay.api.webhook.WebhookEndpoints;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code accord:webhook-replay MERCHANT ENDPOINT SEQ} (or {@code --disable}): replays events, or stops an endpoint. */
@Service
@Command(scope = "accord", name = "webhook-replay",
        description = "Delivers again every event after SEQ to an endpoint; with --disable, stops the endpoint instead")
public final class WebhookReplayCommand implements Action {

    @Reference
    WebhookEndpoints webhooks;

    @Reference
    Session session;

    @Argument(index = 0, name = "merchant", required = true)
    String merchantId;

    @Argument(index = 1, name = "endpoint", required = true)
    String endpointId;

    @Argument(index = 2, name = "seq", description = "Replay events after this sequence number (default 0)")
    long afterSeq;

    @Option(name = "--disable", description = "Disable the endpoint instead of replaying")
    boolean disable;

    @Override
    public Object execute() throws Exception {
        String operator = RegistryRefusals.operator(session);
        return WebhookCommands.run(() -> {
            var e = disable ? webhooks.disable(merchantId, endpointId, operator)
                    : webhooks.replayFrom(merchantId, endpointId, afterSeq, operator);
            System.out.println(WebhookCommands.line(e));
            return null;
        });
    }
}
