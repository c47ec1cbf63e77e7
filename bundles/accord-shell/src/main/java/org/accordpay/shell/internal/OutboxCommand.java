package org.accordpay.shell.internal;

import java.util.List;
import org.accordpay.api.store.AccordStore;
import org.accordpay.api.store.dto.OutboxMessage;
import org.accordpay.api.store.dto.SmsAttempt;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code accord:outbox}: rows waiting to leave (messages, bank calls, courier requests), oldest first. */
@Service
@Command(scope = "accord", name = "outbox", description = "Lists outbox rows not yet delivered, oldest first")
public final class OutboxCommand implements Action {

    @Reference
    AccordStore store;

    @Option(name = "--limit", description = "How many (default 50)")
    int limit = 50;

    @Override
    public Object execute() {
        List<OutboxMessage> rows = store.transact(tx -> tx.outbox().pending(limit));
        for (OutboxMessage m : rows) {
            System.out.println(String.format("%-44s %-8s %-24s attempts %d, next %s%s", m.id(), m.channel(),
                    m.destination(), m.attempts(), m.nextAttemptAt(), m.lastError() == null ? "" : ", " + m.lastError()));
            if ("sms".equals(m.channel()) && m.attempts() > 0) {
                for (SmsAttempt a : store.transact(tx -> tx.outbox().attempts(m.id()))) {
                    System.out.println(String.format("    hand-over %d: %s at %s, report: %s", a.attemptNo(),
                            a.carrierId(), a.sentAt(), a.delivered() == null ? "none yet"
                                    : (a.delivered() ? "delivered" : "failed") + " (" + a.detail() + ")"));
                }
            }
        }
        System.out.println(rows.size() + " pending row(s); " + store.pendingWork());
        return null;
    }
}
