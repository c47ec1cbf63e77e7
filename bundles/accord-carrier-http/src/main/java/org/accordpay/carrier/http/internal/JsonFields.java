package org.accordpay.carrier.http.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The top-level fields of a JSON object, as text (strings unescaped, numbers and booleans as written,
 * {@code null} and nested values left out), and the escaping for writing one: all a gateway's
 * answers and callbacks need, without a JSON library in this bundle.
 */
final class JsonFields {

    /** Deepest nesting read (a gateway's callback is flat; this only bounds the recursion). */
    private static final int MAX_DEPTH = 32;

    private final String in;
    private int pos;
    private int depth;

    private JsonFields(String in) {
        this.in = in;
    }

    /**
     * @param json a JSON document whose root is an object
     * @return its scalar fields, in order; a repeated name keeps the last value
     * @throws IllegalArgumentException when the document is not valid JSON or its root not an object
     */
    static Map<String, String> parse(String json) {
        JsonFields p = new JsonFields(json);
        p.space();
        if (!p.peek('{')) {
            throw p.error("a JSON object is expected");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        p.object(fields);
        p.space();
        if (p.pos != json.length()) {
            throw p.error("trailing characters");
        }
        return fields;
    }

    /** @return {@code s} as a JSON string literal, quotes included */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8).append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** Reads an object; its scalar fields go into {@code fields} when not null. */
    private void object(Map<String, String> fields) {
        expect('{');
        space();
        if (peek('}')) {
            pos++;
            return;
        }
        while (true) {
            space();
            String name = string();
            space();
            expect(':');
            space();
            String value = value();
            if (fields != null && value != null) {
                fields.put(name, value);
            }
            space();
            if (peek(',')) {
                pos++;
                continue;
            }
            expect('}');
            return;
        }
    }

    private void array() {
        expect('[');
        space();
        if (peek(']')) {
            pos++;
            return;
        }
        while (true) {
            space();
            value();
            space();
            if (peek(',')) {
                pos++;
                continue;
            }
            expect(']');
            return;
        }
    }

    /** @return a scalar's text, or null for null, objects and arrays (which are read and skipped) */
    private String value() {
        if (pos >= in.length()) {
            throw error("a value is expected");
        }
        char c = in.charAt(pos);
        switch (c) {
            case '"' -> {
                return string();
            }
            case '{', '[' -> {
                if (++depth > MAX_DEPTH) {
                    throw error("nested too deeply");
                }
                if (c == '{') {
                    object(null);
                } else {
                    array();
                }
                depth--;
                return null;
            }
            default -> {
                int start = pos;
                while (pos < in.length() && "{}[],: \t\r\n\"".indexOf(in.charAt(pos)) < 0) {
                    pos++;
                }
                String word = in.substring(start, pos);
                if (word.equals("null")) {
                    return null;
                }
                if (word.equals("true") || word.equals("false")
                        || word.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
                    return word;
                }
                throw error("unexpected '" + word + "'");
            }
        }
    }

    private String string() {
        expect('"');
        StringBuilder b = new StringBuilder();
        while (true) {
            if (pos >= in.length()) {
                throw error("unterminated string");
            }
            char c = in.charAt(pos++);
            if (c == '"') {
                return b.toString();
            }
            if (c < 0x20) {
                throw error("control character in a string");
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (pos >= in.length()) {
                throw error("unterminated escape");
            }
            char e = in.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    if (pos + 4 > in.length() || !in.substring(pos, pos + 4).matches("[0-9a-fA-F]{4}")) {
                        throw error("bad \\u escape");
                    }
                    b.append((char) Integer.parseInt(in.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                default -> throw error("bad escape \\" + e);
            }
        }
    }

    private void space() {
        while (pos < in.length() && " \t\r\n".indexOf(in.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private boolean peek(char c) {
        return pos < in.length() && in.charAt(pos) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw error("'" + c + "' expected");
        }
        pos++;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("malformed JSON at offset " + pos + ": " + what);
    }
}
