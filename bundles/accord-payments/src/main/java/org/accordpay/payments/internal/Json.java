package org.accordpay.payments.internal;

import org.accordpay.api.money.Money;
import org.accordpay.api.registry.dto.PostalAddress;

/** The few JSON fragments merchant events need, escaped by hand (no JSON library in this bundle). */
final class Json {

    private Json() {
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    static String money(Money m) {
        return "{\"amount_minor\":" + m.minorUnits() + ",\"currency\":\"" + m.currency() + "\"}";
    }

    static String address(PostalAddress a) {
        if (a == null) {
            return "null";
        }
        return "{\"name\":\"" + escape(a.name()) + "\",\"street\":\"" + escape(a.street()) + "\",\"postal_code\":\""
                + escape(a.postalCode()) + "\",\"city\":\"" + escape(a.city()) + "\",\"country\":\""
                + escape(a.country()) + "\"}";
    }
}
