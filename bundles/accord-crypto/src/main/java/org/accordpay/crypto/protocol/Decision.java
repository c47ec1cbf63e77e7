package org.accordpay.crypto.protocol;

/** The customer's answer. */
public enum Decision {
    APPROVE(0x01), DECLINE(0x02);

    private final int code;

    Decision(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Decision of(int code) throws ProtocolException {
        for (Decision d : values()) {
            if (d.code == code) {
                return d;
            }
        }
        throw new ProtocolException(Refusal.MALFORMED);
    }
}
