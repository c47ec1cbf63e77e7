package org.accordpay.routing.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts messages per key in fixed windows (an hour, a day) and refuses one more once a cap is reached,
 * so nobody can use Accord to flood a phone. Counts live in memory: a restart or another node starts
 * from zero (the challenge engine's own per-customer caps are in the database).
 */
final class RateCaps {

    private static final int SWEEP_AT = 100_000;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /**
     * Counts one message for the key unless that would exceed a cap.
     *
     * @param perHour 0 for no hourly cap
     * @param perDay  0 for no daily cap
     * @return true when counted, false when a cap refuses it
     */
    boolean tryCount(String key, Instant now, int perHour, int perDay) {
        if (perHour <= 0 && perDay <= 0) {
            return true;
        }
        if (windows.size() > SWEEP_AT) {
            sweep(now);
        }
        Window w = windows.computeIfAbsent(key, k -> new Window());
        synchronized (w) {
            long hour = now.getEpochSecond() / 3600;
            long day = now.getEpochSecond() / 86400;
            if (w.hour != hour) {
                w.hour = hour;
                w.inHour = 0;
            }
            if (w.day != day) {
                w.day = day;
                w.inDay = 0;
            }
            if ((perHour > 0 && w.inHour >= perHour) || (perDay > 0 && w.inDay >= perDay)) {
                return false;
            }
            w.inHour++;
            w.inDay++;
            return true;
        }
    }

    /** Gives back a count taken for a message that then could not be sent. */
    void uncount(String key) {
        Window w = windows.get(key);
        if (w != null) {
            synchronized (w) {
                w.inHour = Math.max(0, w.inHour - 1);
                w.inDay = Math.max(0, w.inDay - 1);
            }
        }
    }

    private void sweep(Instant now) {
        long day = now.minus(Duration.ofDays(1)).getEpochSecond() / 86400;
        for (Iterator<Window> it = windows.values().iterator(); it.hasNext();) {
            if (it.next().day < day) {
                it.remove();
            }
        }
    }

    private static final class Window {
        long hour = -1;
        long day = -1;
        int inHour;
        int inDay;
    }
}
