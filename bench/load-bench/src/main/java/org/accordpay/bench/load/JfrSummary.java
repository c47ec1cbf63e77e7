package org.accordpay.bench.load;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the time went in a JFR recording of the Karaf JVM: CPU samples by hottest method (self) and by
 * method on the stack (inclusive, Accord's and a few libraries'), monitor waits and parks, and time in
 * socket reads (database and HTTP waits) by the Accord method that waited.
 * {@code java -cp load-bench.jar org.accordpay.bench.load.JfrSummary recording.jfr [top]}
 */
public final class JfrSummary {

    private JfrSummary() {
    }

    public static void main(String[] args) throws Exception {
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> inclusive = new HashMap<>();
        Map<String, Long> areas = new HashMap<>();
        Map<String, Long> monitorNanos = new HashMap<>();
        Map<String, Long> parkNanos = new HashMap<>();
        Map<String, Long> socketNanos = new HashMap<>();
        long samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String type = e.getEventType().getName();
            RecordedStackTrace stack = e.getStackTrace();
            List<RecordedFrame> frames = stack == null ? List.of() : stack.getFrames();
            switch (type) {
                case "jdk.ExecutionSample" -> {
                    samples++;
                    if (!frames.isEmpty()) {
                        self.merge(name(frames.get(0)), 1L, Long::sum);
                    }
                    Set<String> seen = new HashSet<>();
                    for (RecordedFrame f : frames) {
                        String n = name(f);
                        if (seen.add(n)) {
                            inclusive.merge(n, 1L, Long::sum);
                        }
                    }
                    areas.merge(area(frames), 1L, Long::sum);
                }
                case "jdk.JavaMonitorEnter" -> monitorNanos.merge(className(e, "monitorClass") + " at "
                        + firstAccord(frames), e.getDuration().toNanos(), Long::sum);
                case "jdk.ThreadPark" -> {
                    String accord = firstAccord(frames);
                    if (!accord.equals("-")) {
                        parkNanos.merge(className(e, "parkedClass") + " at " + accord, e.getDuration().toNanos(),
                                Long::sum);
                    }
                }
                case "jdk.SocketRead" -> socketNanos.merge(firstAccord(frames), e.getDuration().toNanos(), Long::sum);
                default -> {
                }
            }
        }
        System.out.println("CPU samples (jdk.ExecutionSample): " + samples);
        print("hottest methods (self)", self, samples, top, false);
        print("by area (deepest recognised library or Accord frame)", areas, samples, top, false);
        Map<String, Long> accordInclusive = new HashMap<>();
        inclusive.forEach((k, v) -> {
            if (k.startsWith("org.accordpay") || k.startsWith("org.hibernate.internal.SessionImpl.flush")
                    || k.contains("argon2") || k.contains("Argon2") || k.startsWith("org.flywaydb")) {
                accordInclusive.put(k, v);
            }
        });
        print("Accord methods on the stack (inclusive)", accordInclusive, samples, top, false);
        print("monitor waits (jdk.JavaMonitorEnter, total ms): monitor class at first Accord frame", monitorNanos, 0,
                top, true);
        print("parks under Accord frames (jdk.ThreadPark, total ms)", parkNanos, 0, top, true);
        print("socket reads (jdk.SocketRead, those over the settings threshold, total ms) by first Accord frame",
                socketNanos, 0, top, true);
    }

    private static void print(String title, Map<String, Long> counts, long total, int top, boolean nanos) {
        System.out.println();
        System.out.println(title + ":");
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(en -> {
                    if (nanos) {
                        System.out.printf("  %10.0f ms  %s%n", en.getValue() / 1e6, en.getKey());
                    } else {
                        System.out.printf("  %6d %5.1f%%  %s%n", en.getValue(), 100.0 * en.getValue() / total,
                                en.getKey());
                    }
                });
    }

    private static String area(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String c = f.getMethod().getType().getName();
            if (c.startsWith("org.bouncycastle") || c.startsWith("sun.security") || c.startsWith("com.sun.crypto")) {
                return "crypto (BouncyCastle / JCA)";
            }
            if (c.startsWith("org.hibernate")) {
                return "Hibernate";
            }
            if (c.startsWith("org.mariadb") || c.startsWith("com.zaxxer")) {
                return "JDBC (MariaDB driver, HikariCP)";
            }
            if (c.startsWith("org.h2")) {
                return "H2";
            }
            if (c.startsWith("com.fasterxml")) {
                return "Jackson";
            }
            if (c.startsWith("org.glassfish.jersey") || c.startsWith("org.eclipse.jetty")) {
                return "Jetty / Jersey";
            }
            if (c.startsWith("org.apache.logging") || c.startsWith("org.ops4j.pax.logging")) {
                return "logging";
            }
            if (c.startsWith("org.accordpay")) {
                return "Accord's own code (" + c.replaceAll("^org\\.accordpay\\.([a-z]+).*", "$1") + ")";
            }
        }
        return frames.isEmpty() ? "(no stack)" : "JDK / other (" + frames.get(0).getMethod().getType().getName()
                .replaceAll("^((?:[a-z0-9]+\\.){1,3}).*", "$1") + ")";
    }

    private static String firstAccord(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            if (f.getMethod().getType().getName().startsWith("org.accordpay")) {
                return name(f);
            }
        }
        return "-";
    }

    private static String className(RecordedEvent e, String field) {
        try {
            jdk.jfr.consumer.RecordedClass c = e.getValue(field);
            return c == null ? "?" : c.getName();
        } catch (IllegalArgumentException ex) {
            return "?";
        }
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

}
