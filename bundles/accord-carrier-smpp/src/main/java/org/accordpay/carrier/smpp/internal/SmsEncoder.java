package org.accordpay.carrier.smpp.internal;

import com.cloudhopper.commons.charset.CharsetUtil;
import com.cloudhopper.commons.charset.GSMCharset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts texts and binary parts into submit_sm payloads: GSM 03.38 (unpacked septets) or UCS-2 text,
 * concatenated with a user data header when longer than one SMS (3GPP TS 23.040 9.2.3.24.1), binary
 * data as 8-bit messages to a 16-bit application port (TS 23.040 9.2.3.24.4).
 */
final class SmsEncoder {

    /** Octets of user data in one SMS. */
    static final int MAX_OCTETS = 140;
    /** GSM default alphabet septets in one SMS without, and with, a concatenation header. */
    static final int GSM_SINGLE = 160;
    static final int GSM_PART = 153;
    /** Octets of UCS-2 in one SMS part with a concatenation header (67 characters). */
    static final int UCS2_PART = 134;
    /** Most parts one concatenated message can have (the header counts them in one octet). */
    static final int MAX_PARTS = 255;

    static final byte DC_GSM = 0x00;
    static final byte DC_UCS2 = 0x08;
    /** 8-bit data, message class 1 (ME): what handsets route to an application port. */
    static final byte DC_BINARY = (byte) 0xF5;
    static final byte ESM_DEFAULT = 0x00;
    static final byte ESM_UDHI = 0x40;

    private static final byte IEI_CONCAT_8 = 0x00;
    private static final byte IEI_PORTS_16 = 0x05;
    private static final byte ESCAPE = 0x1B;

    /**
     * GSM 03.38 code of each char, plus one: the septet for the basic table, 0x100 | septet for the extension
     * table (sent after an escape); 0 when the alphabet has no such char. Built from Cloudhopper's tables
     * with the same precedence as its encoder, whose linear scan of both tables for every char was most of
     * the connector's CPU time per message (see docs/benchmarks.md, "SMPP path").
     */
    private static final short[] GSM_CODES = gsmCodes();

    private SmsEncoder() {
    }

    private static short[] gsmCodes() {
        char[] basic = GSMCharset.CHAR_TABLE;
        char[] extension = GSMCharset.EXT_CHAR_TABLE;
        int max = 0;
        for (char c : basic) {
            max = Math.max(max, c);
        }
        for (char c : extension) {
            max = Math.max(max, c);
        }
        short[] codes = new short[max + 1];
        for (int i = 0; i < basic.length; i++) {
            if (i == ESCAPE) {
                continue;
            }
            if (codes[basic[i]] == 0) {
                codes[basic[i]] = (short) (i + 1);
            }
            if (i < extension.length && codes[extension[i]] == 0) {
                codes[extension[i]] = (short) ((0x100 | i) + 1);
            }
        }
        return codes;
    }

    /**
     * @param text a text
     * @return its unpacked GSM 03.38 septets, extension chars escaped, '?' for chars outside the alphabet
     */
    static byte[] encodeGsm(CharSequence text) {
        byte[] out = new byte[text.length() * 2];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int code = c < GSM_CODES.length ? GSM_CODES[c] - 1 : -1;
            if (code < 0) {
                out[n++] = '?';
            } else if (code >= 0x100) {
                out[n++] = ESCAPE;
                out[n++] = (byte) (code & 0x7F);
            } else {
                out[n++] = (byte) code;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * @param text a text
     * @param ref  concatenation reference (low 8 bits used) shared by the parts
     * @return one part, or several with a concatenation header
     * @throws IllegalArgumentException when the text needs more than 255 parts
     */
    static List<SubmitPart> text(String text, int ref) {
        if (GSMCharset.canRepresent(text)) {
            byte[] septets = encodeGsm(text);
            if (septets.length <= GSM_SINGLE) {
                return List.of(new SubmitPart(DC_GSM, ESM_DEFAULT, septets));
            }
            return concatenated(DC_GSM, cutGsm(septets), ref);
        }
        byte[] ucs2 = text.getBytes(StandardCharsets.UTF_16BE);
        if (ucs2.length <= MAX_OCTETS) {
            return List.of(new SubmitPart(DC_UCS2, ESM_DEFAULT, ucs2));
        }
        return concatenated(DC_UCS2, cutUcs2(ucs2), ref);
    }

    /**
     * @param data       binary payload
     * @param destPort   application port on the handset
     * @param sourcePort originator port
     * @param ref        concatenation reference (low 8 bits used) shared by the parts
     * @return port-addressed 8-bit parts
     * @throws IllegalArgumentException when the data needs more than 255 parts
     */
    static List<SubmitPart> binary(byte[] data, int destPort, int sourcePort, int ref) {
        byte[] ports = {IEI_PORTS_16, 4, (byte) (destPort >> 8), (byte) destPort, (byte) (sourcePort >> 8),
            (byte) sourcePort};
        int single = MAX_OCTETS - 1 - ports.length;
        if (data.length <= single) {
            return List.of(new SubmitPart(DC_BINARY, ESM_UDHI, concat(header(ports), data)));
        }
        int per = MAX_OCTETS - 1 - ports.length - 5;
        int total = (data.length + per - 1) / per;
        checkParts(total);
        List<SubmitPart> parts = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            byte[] chunk = Arrays.copyOfRange(data, i * per, Math.min(data.length, (i + 1) * per));
            byte[] udh = header(concatElement(ref, total, i + 1), ports);
            parts.add(new SubmitPart(DC_BINARY, ESM_UDHI, concat(udh, chunk)));
        }
        return parts;
    }

    private static List<SubmitPart> concatenated(byte dataCoding, List<byte[]> chunks, int ref) {
        checkParts(chunks.size());
        List<SubmitPart> parts = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            byte[] udh = header(concatElement(ref, chunks.size(), i + 1));
            parts.add(new SubmitPart(dataCoding, ESM_UDHI, concat(udh, chunks.get(i))));
        }
        return parts;
    }

    /** Cuts unpacked septets into parts of at most 153, never between an escape and its character. */
    private static List<byte[]> cutGsm(byte[] septets) {
        List<byte[]> chunks = new ArrayList<>();
        int start = 0;
        while (start < septets.length) {
            int end = Math.min(septets.length, start + GSM_PART);
            if (end < septets.length && endsInsideEscape(septets, start, end)) {
                end--;
            }
            chunks.add(Arrays.copyOfRange(septets, start, end));
            start = end;
        }
        return chunks;
    }

    private static boolean endsInsideEscape(byte[] septets, int start, int end) {
        boolean escaped = false;
        for (int i = start; i < end; i++) {
            escaped = !escaped && septets[i] == ESCAPE;
        }
        return escaped;
    }

    /** Cuts UTF-16BE into parts of at most 134 octets, never inside a surrogate pair. */
    private static List<byte[]> cutUcs2(byte[] ucs2) {
        List<byte[]> chunks = new ArrayList<>();
        int start = 0;
        while (start < ucs2.length) {
            int end = Math.min(ucs2.length, start + UCS2_PART);
            if (end < ucs2.length && Character.isHighSurrogate((char) (((ucs2[end - 2] & 0xFF) << 8) | (ucs2[end - 1] & 0xFF)))) {
                end -= 2;
            }
            chunks.add(Arrays.copyOfRange(ucs2, start, end));
            start = end;
        }
        return chunks;
    }

    private static void checkParts(int total) {
        if (total > MAX_PARTS) {
            throw new IllegalArgumentException("message needs " + total + " parts, at most " + MAX_PARTS);
        }
    }

    private static byte[] concatElement(int ref, int total, int seq) {
        return new byte[] {IEI_CONCAT_8, 3, (byte) ref, (byte) total, (byte) seq};
    }

    private static byte[] header(byte[]... elements) {
        int length = 0;
        for (byte[] e : elements) {
            length += e.length;
        }
        byte[] udh = new byte[1 + length];
        udh[0] = (byte) length;
        int at = 1;
        for (byte[] e : elements) {
            System.arraycopy(e, 0, udh, at, e.length);
            at += e.length;
        }
        return udh;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * @param dataCoding SMPP data_coding of a received message
     * @return true when the payload is 8-bit data rather than text
     */
    static boolean isBinary(byte dataCoding) {
        int dc = dataCoding & 0xFF;
        if ((dc & 0xF0) == 0xF0) {
            return (dc & 0x04) != 0;
        }
        if ((dc & 0xC0) == 0x00) {
            // general data coding group (also SMPP 0x02 and 0x04 "8-bit binary")
            return (dc & 0x0C) == 0x04 || dc == 0x02;
        }
        return false;
    }

    /**
     * @param dataCoding SMPP data_coding of a received text
     * @param payload    user data without its header
     * @return the text
     */
    static String decodeText(byte dataCoding, byte[] payload) {
        int dc = dataCoding & 0xFF;
        if (dc == 0x08 || ((dc & 0xC0) == 0x00 && (dc & 0x0C) == 0x08)) {
            return new String(payload, StandardCharsets.UTF_16BE);
        }
        if (dc == 0x01) {
            return new String(payload, StandardCharsets.US_ASCII);
        }
        if (dc == 0x03) {
            return new String(payload, StandardCharsets.ISO_8859_1);
        }
        return CharsetUtil.decode(payload, CharsetUtil.CHARSET_GSM);
    }
}
