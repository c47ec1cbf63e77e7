package org.accordpay.carrier.smpp.internal;

import java.util.Arrays;

/**
 * The parts of a received user data header Accord cares about (3GPP TS 23.040 9.2.3.24): concatenation
 * (8- and 16-bit references) and application ports (8- and 16-bit). Other elements are skipped.
 *
 * @param ref      concatenation reference, or -1 when the message is not a part
 * @param total    number of parts (1 when not concatenated)
 * @param seq      this part's number, from 1
 * @param destPort destination application port, or -1
 * @param payload  the user data after the header
 */
record UserDataHeader(int ref, int total, int seq, int destPort, byte[] payload) {

    /** A message without a header. */
    static UserDataHeader none(byte[] userData) {
        return new UserDataHeader(-1, 1, 1, -1, userData);
    }

    /**
     * @param userData short_message of a deliver_sm whose esm_class has UDHI set
     * @return the header's concatenation and port fields and the payload
     * @throws IllegalArgumentException when the header is longer than the user data
     */
    static UserDataHeader parse(byte[] userData) {
        if (userData.length == 0) {
            throw new IllegalArgumentException("UDHI set on empty user data");
        }
        int length = userData[0] & 0xFF;
        if (1 + length > userData.length) {
            throw new IllegalArgumentException("user data header of " + length + " octets in " + userData.length);
        }
        int ref = -1;
        int total = 1;
        int seq = 1;
        int destPort = -1;
        int at = 1;
        int end = 1 + length;
        while (at + 2 <= end) {
            int iei = userData[at] & 0xFF;
            int iel = userData[at + 1] & 0xFF;
            int data = at + 2;
            if (data + iel > end) {
                throw new IllegalArgumentException("information element overruns the header");
            }
            if (iei == 0x00 && iel == 3) {
                ref = userData[data] & 0xFF;
                total = userData[data + 1] & 0xFF;
                seq = userData[data + 2] & 0xFF;
            } else if (iei == 0x08 && iel == 4) {
                ref = ((userData[data] & 0xFF) << 8) | (userData[data + 1] & 0xFF);
                total = userData[data + 2] & 0xFF;
                seq = userData[data + 3] & 0xFF;
            } else if (iei == 0x05 && iel == 4) {
                destPort = ((userData[data] & 0xFF) << 8) | (userData[data + 1] & 0xFF);
            } else if (iei == 0x04 && iel == 2) {
                destPort = userData[data] & 0xFF;
            }
            at = data + iel;
        }
        if (total == 0 || seq == 0 || seq > total) {
            // TS 23.040: such a concatenation element is ignored
            ref = -1;
            total = 1;
            seq = 1;
        }
        return new UserDataHeader(ref, total, seq, destPort, Arrays.copyOfRange(userData, end, userData.length));
    }

    /** @return true when this is one part of several */
    boolean isPart() {
        return ref >= 0 && total > 1;
    }
}
