package org.accordpay.courier.loopback.internal.shell;

import org.accordpay.courier.loopback.LoopbackShipments;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code accord:courier-deliver REF [--failed] [--detail TEXT]}: the courier reports a delivery to Accord. */
@Service
@Command(scope = "accord", name = "courier-deliver",
        description = "Reports a shipment of the loopback courier delivered (or failed) to Accord")
public final class CourierDeliverCommand implements Action {

    @Reference
    LoopbackShipments courier;

    @Argument(index = 0, name = "trackingRef", required = true, description = "Tracking reference of a watched shipment")
    String trackingRef;

    @Option(name = "--failed", description = "Report a failed delivery instead")
    boolean failed;

    @Option(name = "--detail", description = "The courier's status text")
    String detail;

    /** Errors (unknown shipment, no CourierEvents) are thrown: the shell shows them, also in batch mode. */
    @Override
    public Object execute() {
        boolean matched = courier.deliver(trackingRef, !failed, detail);
        System.out.println(trackingRef + (failed ? " reported failed" : " reported delivered")
                + (matched ? "; Accord matched it to a shipped purchase" : "; Accord ignored it (no shipped purchase)"));
        return null;
    }
}
