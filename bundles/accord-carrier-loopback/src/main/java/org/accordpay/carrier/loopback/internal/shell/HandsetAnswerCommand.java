package org.accordpay.carrier.loopback.internal.shell;

import org.accordpay.carrier.loopback.SimulatedHandsets;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code accord:handset-answer PHONE approve|decline [--pin X]}: answers a pending challenge (policy manual). */
@Service
@Command(scope = "accord", name = "handset-answer", description = "Answers the challenge pending on a simulated handset")
public final class HandsetAnswerCommand implements Action {

    @Reference
    SimulatedHandsets handsets;

    @Argument(index = 0, name = "phone", required = true, description = "E.164 number")
    String phone;

    @Argument(index = 1, name = "decision", required = true, description = "approve or decline")
    String decision;

    @Option(name = "--pin", description = "Type this PIN instead of the handset's own (a wrong PIN is refused by Accord)")
    String pin;

    @Override
    public Object execute() {
        boolean approve = switch (decision.toLowerCase(java.util.Locale.ROOT)) {
            case "approve" -> true;
            case "decline" -> false;
            default -> throw new IllegalArgumentException("decision must be approve or decline, not " + decision);
        };
        handsets.answer(phone, approve, pin == null ? null : pin.toCharArray());
        System.out.println(phone + " " + (approve ? "approved" : "declined") + "; the response is on its way");
        return null;
    }
}
