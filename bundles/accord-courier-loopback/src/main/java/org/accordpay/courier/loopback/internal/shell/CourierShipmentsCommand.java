package org.accordpay.courier.loopback.internal.shell;

import org.accordpay.courier.loopback.LoopbackShipments;
import org.accordpay.courier.loopback.WatchedShipment;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code accord:courier-shipments}: what the loopback courier watches. */
@Service
@Command(scope = "accord", name = "courier-shipments", description = "Lists the shipments the loopback courier watches")
public final class CourierShipmentsCommand implements Action {

    @Reference
    LoopbackShipments courier;

    @Override
    public Object execute() {
        System.out.printf("%-24s %-28s %-9s %-24s %s%n", "tracking", "purchase", "status", "watched", "last report");
        for (WatchedShipment s : courier.shipments()) {
            System.out.printf("%-24s %-28s %-9s %-24s %s%n", s.trackingRef(), s.purchaseId(), s.status(), s.watchedAt(),
                    s.reportedAt() == null ? "" : s.reportedAt() + " " + s.detail());
        }
        return null;
    }
}
