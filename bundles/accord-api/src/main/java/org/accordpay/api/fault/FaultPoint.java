package org.accordpay.api.fault;

/**
 * Named crash points for tests. When the system property {@value #PROPERTY} names a point
 * (optionally {@code name@N} for its N-th passage), the process halts there at once, as a
 * power cut would: no shutdown hooks, no finally blocks. Off unless the property is set.
 */
public final class FaultPoint {

    /** System property naming the point to crash at. */
    public static final String PROPERTY = "accord.fault";

    /** Exit status of a process halted by a fault point. */
    public static final int HALT_STATUS = 86;

    private static final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.AtomicInteger>
            PASSAGES = new java.util.concurrent.ConcurrentHashMap<>();

    private FaultPoint() {
    }

    /**
     * Marks a point in the product where a test may crash the process.
     *
     * @param name stable name of the point, e.g. {@code payments.debit.after-commit}
     */
    public static void reach(String name) {
        String wanted = System.getProperty(PROPERTY);
        if (wanted == null || wanted.isEmpty()) {
            return;
        }
        int at = wanted.lastIndexOf('@');
        String point = at < 0 ? wanted : wanted.substring(0, at);
        if (!point.equals(name)) {
            return;
        }
        int nth = at < 0 ? 1 : Integer.parseInt(wanted.substring(at + 1));
        int passage = PASSAGES.computeIfAbsent(name, n -> new java.util.concurrent.atomic.AtomicInteger())
                .incrementAndGet();
        if (passage == nth) {
            System.err.println("accord: fault point " + name + " reached (passage " + passage + "), halting");
            System.err.flush();
            Runtime.getRuntime().halt(HALT_STATUS);
        }
    }
}
