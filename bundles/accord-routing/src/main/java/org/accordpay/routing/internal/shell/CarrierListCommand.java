package org.accordpay.routing.internal.shell;

import org.accordpay.api.routing.SmsRouting;
import org.accordpay.api.routing.dto.CarrierStatus;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code accord:carrier-list}: every carrier connection routing knows, with its health. */
@Service
@Command(scope = "accord", name = "carrier-list", description = "Lists carrier connections and their health")
public final class CarrierListCommand implements Action {

    @Reference
    SmsRouting routing;

    @Override
    public Object execute() {
        System.out.printf("%-16s %-6s %-5s %-8s %-5s %8s %8s %8s  %s%n", "carrier", "bound", "up", "routing", "test",
                "sent", "failed", "in-a-row", "probe at");
        for (CarrierStatus c : routing.carriers()) {
            System.out.printf("%-16s %-6s %-5s %-8s %-5s %8d %8d %8d  %s%n", c.id(), yes(c.bound()), yes(c.available()),
                    c.healthy() ? "in" : "OUT", yes(c.test()), c.sent(), c.failed(), c.consecutiveFailures(),
                    c.outUntil() == null ? "" : c.outUntil());
        }
        return null;
    }

    private static String yes(boolean b) {
        return b ? "yes" : "no";
    }
}
