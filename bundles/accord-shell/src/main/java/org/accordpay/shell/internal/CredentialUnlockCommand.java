package org.accordpay.shell.internal;

import org.accordpay.api.challenge.ChallengeEngine;
import org.accordpay.api.challenge.dto.CredentialStatus;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code accord:credential-unlock CUSTOMER REASON}: unlocks a locked-out customer, recorded with its reason. */
@Service
@Command(scope = "accord", name = "credential-unlock", description = "Unlocks a locked-out customer (recorded with the operator and reason)")
public final class CredentialUnlockCommand implements Action {

    @Reference
    ChallengeEngine engine;

    @Reference
    Session session;

    @Argument(index = 0, name = "customer", required = true, description = "Opaque customer id")
    String customerId;

    @Argument(index = 1, name = "reason", required = true, multiValued = true, description = "Why: recorded in the audit trail")
    java.util.List<String> reason;

    @Override
    public Object execute() {
        Object user = session.get("USER");
        String operator = user == null ? "shell" : user.toString();
        CredentialStatus status = engine.unlock(customerId, operator, String.join(" ", reason));
        System.out.println("unlocked " + status.customerId() + " (by " + operator + ")");
        return null;
    }
}
