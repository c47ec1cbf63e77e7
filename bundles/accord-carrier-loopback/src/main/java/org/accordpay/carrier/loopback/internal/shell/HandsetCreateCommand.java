package org.accordpay.carrier.loopback.internal.shell;

import org.accordpay.carrier.loopback.SimulatedHandset;
import org.accordpay.carrier.loopback.SimulatedHandsets;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code accord:handset-create PHONE PIN}: a new simulated handset on the loopback carrier. */
@Service
@Command(scope = "accord", name = "handset-create", description = "Creates a simulated handset on the loopback carrier")
public final class HandsetCreateCommand implements Action {

    @Reference
    SimulatedHandsets handsets;

    @Argument(index = 0, name = "phone", required = true, description = "E.164 number, e.g. +33612345678")
    String phone;

    @Argument(index = 1, name = "pin", required = true, description = "The PIN the handset chooses at enrolment (6-12 digits)")
    String pin;

    @Override
    public Object execute() {
        SimulatedHandset h = handsets.create(phone, pin.toCharArray());
        System.out.println("created " + h.phoneE164() + " (policy " + Shell.policyName(h.policy())
                + "); enrol it with accord:handset-enrol <enrolmentId>");
        return null;
    }
}
