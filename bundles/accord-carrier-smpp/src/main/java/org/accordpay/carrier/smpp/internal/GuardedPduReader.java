package org.accordpay.carrier.smpp.internal;

import java.io.DataInputStream;
import java.io.IOException;
import org.jsmpp.DefaultPDUReader;
import org.jsmpp.InvalidCommandLengthException;
import org.jsmpp.bean.Command;

/**
 * jSMPP's reader with a ceiling on command_length: bytes that are not SMPP read as a huge length, and
 * jSMPP would allocate it, die with OutOfMemoryError in its reader thread and still say BOUND. Failing
 * with an IOException closes the session instead, and the carrier binds again.
 */
final class GuardedPduReader extends DefaultPDUReader {

    /** Far above any SMPP 3.4 PDU (short_message is at most 254 octets, message_payload 64 KiB). */
    static final int MAX_COMMAND_LENGTH = 70_000;

    @Override
    public Command readPDUHeader(DataInputStream in) throws InvalidCommandLengthException, IOException {
        int length = in.readInt();
        if (length < 16 || length > MAX_COMMAND_LENGTH) {
            throw new IOException("not SMPP: command_length " + length);
        }
        Command header = new Command();
        header.setCommandLength(length);
        header.setCommandId(in.readInt());
        header.setCommandStatus(in.readInt());
        header.setSequenceNumber(in.readInt());
        return header;
    }
}
