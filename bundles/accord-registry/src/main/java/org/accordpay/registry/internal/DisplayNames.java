package org.accordpay.registry.internal;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Look-alike merchant display names: a name customers read on their handset must not pass for an
 * admitted merchant's. Names are compared after folding accents, case and common confusables.
 */
final class DisplayNames {

    /** Names this long (after folding) are also refused at edit distance 1. */
    static final int FUZZY_FROM = 5;

    private DisplayNames() {
    }

    /**
     * NFKD, accents stripped, lower case, confusables mapped (0-o, 1-l, i-l, 3-e, 5-s, rn-m,
     * vv-w), everything but letters and digits dropped.
     */
    static String fold(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '0' -> b.append('o');
                case '1', 'i' -> b.append('l');
                case '3' -> b.append('e');
                case '5' -> b.append('s');
                default -> {
                    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString().replace("rn", "m").replace("vv", "w");
    }

    /** @return true when the two names would be confused on a handset */
    static boolean lookAlike(String a, String b) {
        String fa = fold(a);
        String fb = fold(b);
        if (fa.equals(fb)) {
            return true;
        }
        return Math.max(fa.length(), fb.length()) >= FUZZY_FROM && levenshtein(fa, fb) <= 1;
    }

    static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
