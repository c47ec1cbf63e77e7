package org.accordpay.carrier.loopback.internal.shell;

import java.util.HexFormat;
import org.accordpay.carrier.loopback.SimulatedHandsets;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * {@code accord:handset-receive PHONE MESSAGE-ID HEX}: hands a simulated handset a challenge that
 * reached it through another network (a test SMSC, a gateway simulator) and prints its answer in
 * hex on a line {@code answer: ...}, for that network to carry back ({@code answer: none} when the
 * handset's policy does not answer at once).
 */
@Service
@Command(scope = "accord", name = "handset-receive",
        description = "Gives a simulated handset a challenge that came through another network; prints its answer")
public final class HandsetReceiveCommand implements Action {

    @Reference
    SimulatedHandsets handsets;

    @Argument(index = 0, name = "phone", required = true, description = "E.164 number")
    String phone;

    @Argument(index = 1, name = "message-id", required = true, description = "Id of the message on that network")
    String messageId;

    @Argument(index = 2, name = "challenge", required = true, description = "The binary part, in hex")
    String challenge;

    @Override
    public Object execute() {
        byte[] binary;
        try {
            binary = HexFormat.of().parseHex(challenge.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the challenge must be hex digits: " + e.getMessage(), e);
        }
        System.out.println("answer: " + handsets.receiveElsewhere(phone, messageId, null, binary)
                .map(a -> HexFormat.of().formatHex(a)).orElse("none"));
        return null;
    }
}
