package org.accordpay.crypto.protocol;

import java.nio.charset.StandardCharsets;

/** Field validation shared by the records (strings, ids, currency). */
final class Fields {
    private Fields() {
    }

    static byte[] id(byte[] id, String name) {
        if (id == null || id.length != Protocol.ID_LENGTH) {
            throw new IllegalArgumentException(name + " must be 16 bytes");
        }
        return id.clone();
    }

    /** 1..64 UTF-8 bytes, no control or bidirectional-formatting characters. */
    static String text(String s, String name) {
        if (s == null || s.isEmpty() || s.getBytes(StandardCharsets.UTF_8).length > Protocol.MAX_STRING_BYTES) {
            throw new IllegalArgumentException(name + " must be 1..64 UTF-8 bytes");
        }
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
                    || Character.isSurrogate(s.charAt(i)) && !Character.isSupplementaryCodePoint(cp)) {
                throw new IllegalArgumentException(name + " holds a control or formatting character");
            }
            i += Character.charCount(cp);
        }
        return s;
    }

    static String currency(String c) {
        if (c == null || !c.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 alphabetic code");
        }
        return c;
    }
}
