package org.accordpay.carrier.loopback.internal.shell;

import org.accordpay.carrier.loopback.SimulatedHandset;
import org.accordpay.carrier.loopback.SimulatedHandsets;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code accord:handset-list}: the simulated handsets of the loopback carrier. */
@Service
@Command(scope = "accord", name = "handset-list", description = "Lists the simulated handsets of the loopback carrier")
public final class HandsetListCommand implements Action {

    @Reference
    SimulatedHandsets handsets;

    @Override
    public Object execute() {
        System.out.printf("%-16s %-9s %-8s %6s %6s %8s %7s%n", "phone", "policy", "enrolled", "cells", "seen",
                "answered", "pending");
        for (SimulatedHandset h : handsets.list()) {
            System.out.printf("%-16s %-9s %-8s %6d %6d %8d %7s%n", h.phoneE164(), Shell.policyName(h.policy()),
                    h.enrolled() ? "yes" : "no", h.remainingCells(), h.challengesSeen(), h.challengesAnswered(),
                    h.pending() ? "yes" : "no");
        }
        System.out.println("challenges seen " + handsets.challengesSeen() + ", answered " + handsets.challengesAnswered());
        return null;
    }
}
