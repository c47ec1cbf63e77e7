package org.accordpay.crypto.protocol;

import java.util.HexFormat;

/** Lower-case hex, for ids in logs and test vectors (never for key material). */
public final class Hex {
    private Hex() {
    }

    public static String encode(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    public static byte[] decode(String s) {
        return HexFormat.of().parseHex(s.replaceAll("\\s", ""));
    }
}
