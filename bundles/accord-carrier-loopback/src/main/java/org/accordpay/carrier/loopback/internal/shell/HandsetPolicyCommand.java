package org.accordpay.carrier.loopback.internal.shell;

import org.accordpay.carrier.loopback.SimulatedHandsets;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code accord:handset-policy PHONE approve|decline|wrong-pin|ignore|manual}. */
@Service
@Command(scope = "accord", name = "handset-policy", description = "Chooses how a simulated handset answers challenges")
public final class HandsetPolicyCommand implements Action {

    @Reference
    SimulatedHandsets handsets;

    @Argument(index = 0, name = "phone", required = true, description = "E.164 number")
    String phone;

    @Argument(index = 1, name = "policy", required = true, description = "approve, decline, wrong-pin, ignore or manual")
    String policy;

    @Override
    public Object execute() {
        handsets.setPolicy(phone, Shell.policy(policy));
        System.out.println(phone + " now answers: " + Shell.policyName(Shell.policy(policy)));
        return null;
    }
}
