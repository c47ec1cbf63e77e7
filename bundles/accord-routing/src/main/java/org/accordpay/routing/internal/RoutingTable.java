package org.accordpay.routing.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Number ranges to mobile operators, and operators to the carrier connections that reach them, from
 * configuration. Immutable; a configuration change builds a new table.
 */
final class RoutingTable {

    /** The operator of numbers no range matches. */
    static final String DEFAULT_OPERATOR = "default";

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    /**
     * Canonical forms already computed: parsing with libphonenumber was a tenth of the CPU of a hand-over.
     * Only valid numbers are kept; the map is emptied when it reaches {@value #CANONICAL_MAX} entries.
     */
    private static final java.util.Map<String, String> CANONICAL = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int CANONICAL_MAX = 100_000;


    private final TreeMap<String, String> ranges;
    private final Map<String, List<String>> operators;
    private final List<String> fallback;

    private RoutingTable(TreeMap<String, String> ranges, Map<String, List<String>> operators, List<String> fallback) {
        this.ranges = ranges;
        this.operators = operators;
        this.fallback = fallback;
    }

    /**
     * @param ranges    entries {@code +prefix=operator}, also several in one string separated by commas
     * @param operators entries {@code operator=carrier,carrier}, also several in one string separated by {@code ;}
     * @param fallback  carrier ids tried after the operator's own; empty for every other bound carrier
     * @throws IllegalArgumentException a malformed entry, a prefix that is not a number, an operator without carriers
     */
    static RoutingTable parse(String[] ranges, String[] operators, String[] fallback) {
        TreeMap<String, String> r = new TreeMap<>();
        for (String entry : split(ranges, "[,\\s]+")) {
            String[] kv = pair(entry, "range");
            String prefix = kv[0];
            if (!prefix.matches("\\+[1-9][0-9]{0,14}")) {
                throw new IllegalArgumentException("range '" + entry + "': the prefix must be + and digits");
            }
            r.put(prefix, kv[1]);
        }
        Map<String, List<String>> o = new LinkedHashMap<>();
        for (String entry : split(operators, ";")) {
            String[] kv = pair(entry, "operator");
            List<String> carriers = ids(kv[1]);
            if (carriers.isEmpty()) {
                throw new IllegalArgumentException("operator '" + entry + "' names no carrier");
            }
            o.put(kv[0], carriers);
        }
        List<String> f = new ArrayList<>();
        for (String entry : fallback) {
            f.addAll(ids(entry));
        }
        return new RoutingTable(r, o, List.copyOf(f));
    }

    /**
     * @return the number in canonical E.164
     * @throws IllegalArgumentException not a valid international number
     */
    static String canonical(String e164) {
        String known = CANONICAL.get(e164);
        if (known != null) {
            return known;
        }
        String canonical = parse(e164);
        if (CANONICAL.size() >= CANONICAL_MAX) {
            CANONICAL.clear();
        }
        CANONICAL.put(e164, canonical);
        return canonical;
    }

    private static String parse(String e164) {
        try {
            PhoneNumber n = PHONES.parse(e164, null);
            if (!PHONES.isValidNumber(n)) {
                throw new IllegalArgumentException("not a valid number: " + e164);
            }
            return PHONES.format(n, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw new IllegalArgumentException("not an international number: " + e164, e);
        }
    }

    /** @return the operator of the longest configured prefix of the canonical number, or {@link #DEFAULT_OPERATOR} */
    String operatorOf(String canonical) {
        for (int len = canonical.length(); len > 1; len--) {
            String op = ranges.get(canonical.substring(0, len));
            if (op != null) {
                return op;
            }
        }
        return DEFAULT_OPERATOR;
    }

    /**
     * @param operator an operator
     * @param bound    ids of the carriers bound now, sorted
     * @return carrier ids in the order to try them: the operator's own, then the fallback (or every other bound one)
     */
    List<String> carriersFor(String operator, List<String> bound) {
        LinkedHashMap<String, Boolean> order = new LinkedHashMap<>();
        operators.getOrDefault(operator, List.of()).forEach(id -> order.put(id, true));
        (fallback.isEmpty() ? bound : fallback).forEach(id -> order.putIfAbsent(id, true));
        return List.copyOf(order.keySet());
    }

    /** @return every carrier id the configuration names */
    List<String> configuredCarriers() {
        LinkedHashMap<String, Boolean> ids = new LinkedHashMap<>();
        operators.values().forEach(l -> l.forEach(id -> ids.put(id, true)));
        fallback.forEach(id -> ids.put(id, true));
        return List.copyOf(ids.keySet());
    }

    /** Entries of a configuration array, each element possibly holding several (a .cfg file gives one string). */
    private static List<String> split(String[] values, String separator) {
        List<String> out = new ArrayList<>();
        for (String value : values) {
            for (String entry : value.split(separator)) {
                if (!entry.isBlank()) {
                    out.add(entry.trim());
                }
            }
        }
        return out;
    }

    private static String[] pair(String entry, String what) {
        int eq = entry.indexOf('=');
        if (eq <= 0 || eq == entry.length() - 1) {
            throw new IllegalArgumentException(what + " '" + entry + "': expected key=value");
        }
        return new String[] {entry.substring(0, eq).trim(), entry.substring(eq + 1).trim()};
    }

    private static List<String> ids(String list) {
        List<String> out = new ArrayList<>();
        for (String id : list.split(",")) {
            if (!id.isBlank()) {
                out.add(id.trim());
            }
        }
        return out;
    }
}
