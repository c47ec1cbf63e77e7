package org.accordpay.carrier.loopback.internal.shell;

import org.accordpay.carrier.loopback.SimulatedHandset;
import org.accordpay.carrier.loopback.SimulatedHandsets;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code accord:handset-enrol ENROLMENT}: the handset side of an enrolment (code, request, package, PIN). */
@Service
@Command(scope = "accord", name = "handset-enrol",
        description = "Completes an enrolment on the simulated handset of the enrolment's phone")
public final class HandsetEnrolCommand implements Action {

    @Reference
    SimulatedHandsets handsets;

    @Argument(index = 0, name = "enrolmentId", required = true, description = "The registry's enrolment id")
    String enrolmentId;

    @Override
    public Object execute() {
        SimulatedHandset h = handsets.enrol(enrolmentId);
        System.out.println("enrolled " + h.phoneE164() + " (" + h.remainingCells() + " cells)");
        return null;
    }
}
