package org.accordpay.shell.internal;

import org.accordpay.api.challenge.ChallengeEngine;
import org.accordpay.api.challenge.dto.CredentialStatus;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code accord:credential-status CUSTOMER}: a customer's table and lock-out state (no secrets). */
@Service
@Command(scope = "accord", name = "credential-status", description = "Shows a customer's identification table and lock-out state")
public final class CredentialStatusCommand implements Action {

    @Reference
    ChallengeEngine engine;

    @Argument(index = 0, name = "customer", required = true, description = "Opaque customer id")
    String customerId;

    @Override
    public Object execute() {
        CredentialStatus status = engine.status(customerId).orElse(null);
        if (status == null) {
            System.err.println("No credential for customer " + customerId);
            return null;
        }
        System.out.println("customer   : " + status.customerId());
        System.out.println("device     : " + status.deviceId());
        System.out.println("generation : " + status.generation());
        System.out.println("remaining  : " + status.remainingCells() + " cells");
        System.out.println("failures   : " + status.consecutiveFailures() + " consecutive");
        System.out.println("locked     : " + (status.locked()
                ? "since " + status.lockedAt() + " (" + status.lockReason() + ")" : "no"));
        return null;
    }
}
