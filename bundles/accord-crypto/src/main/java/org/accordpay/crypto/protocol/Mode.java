package org.accordpay.crypto.protocol;

/** Live money or test mode; part of the MAC input so a test approval can never count as live. */
public enum Mode {
    LIVE(0x01), TEST(0x02);

    private final int code;

    Mode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Mode of(int code) throws ProtocolException {
        for (Mode m : values()) {
            if (m.code == code) {
                return m;
            }
        }
        throw new ProtocolException(Refusal.MALFORMED);
    }
}
