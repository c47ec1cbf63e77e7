package org.accordpay.carrier.loopback.internal.shell;

import org.accordpay.carrier.loopback.InboxMessage;
import org.accordpay.carrier.loopback.SimulatedHandsets;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code accord:handset-inbox PHONE}: the texts a simulated handset received, and its pending challenge. */
@Service
@Command(scope = "accord", name = "handset-inbox", description = "Shows a simulated handset's texts and pending challenge")
public final class HandsetInboxCommand implements Action {

    @Reference
    SimulatedHandsets handsets;

    @Argument(index = 0, name = "phone", required = true, description = "E.164 number")
    String phone;

    @Override
    public Object execute() {
        for (InboxMessage m : handsets.inbox(phone)) {
            System.out.println(m.receivedAt() + "  " + m.messageId() + "  " + m.text());
        }
        handsets.pending(phone).ifPresentOrElse(
                p -> System.out.println("pending: " + p.text() + " (until " + p.expiresAt() + ")"),
                () -> System.out.println("no challenge pending"));
        return null;
    }
}
