package org.accordpay.bench.load;

import java.util.Arrays;

/** Latency samples in microseconds; percentiles by sorting at the end (a run holds at most a few 100k). */
final class Latencies {

    private long[] samples = new long[1024];
    private int size;

    synchronized void add(long micros) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = micros;
    }

    synchronized int count() {
        return size;
    }

    /** @return the q-quantile (0..1) in milliseconds, NaN when empty */
    synchronized double quantileMillis(double q) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        int index = (int) Math.min(size - 1, Math.max(0, Math.ceil(q * size) - 1));
        return sorted[index] / 1000.0;
    }

    synchronized double meanMillis() {
        if (size == 0) {
            return Double.NaN;
        }
        long sum = 0;
        for (int i = 0; i < size; i++) {
            sum += samples[i];
        }
        return sum / 1000.0 / size;
    }

    String summary() {
        return String.format("n=%6d  p50 %8.1f  p95 %8.1f  p99 %8.1f  mean %8.1f ms", count(), quantileMillis(0.50),
                quantileMillis(0.95), quantileMillis(0.99), meanMillis());
    }
}
