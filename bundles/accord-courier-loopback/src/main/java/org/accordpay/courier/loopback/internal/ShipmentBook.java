package org.accordpay.courier.loopback.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accordpay.courier.loopback.ShipmentStatus;
import org.accordpay.courier.loopback.WatchedShipment;

/**
 * The watched shipments, in one tab-separated file rewritten atomically on every change:
 * {@code trackingRef, purchaseId, watchedAt, status, reportedAt|-, detail|-}.
 */
final class ShipmentBook {

    private final Path file;
    private final Map<String, WatchedShipment> shipments = new LinkedHashMap<>();

    private ShipmentBook(Path file) {
        this.file = file;
    }

    /** Reads the file if it exists. */
    static ShipmentBook open(Path file) throws IOException {
        ShipmentBook book = new ShipmentBook(file);
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 6) {
                    throw new IOException("malformed line in " + file + ": " + line);
                }
                book.shipments.put(f[0], new WatchedShipment(f[0], f[1], Instant.parse(f[2]),
                        ShipmentStatus.valueOf(f[3]), "-".equals(f[4]) ? null : Instant.parse(f[4]),
                        "-".equals(f[5]) ? null : f[5]));
            }
        }
        return book;
    }

    synchronized List<WatchedShipment> all() {
        return List.copyOf(shipments.values());
    }

    synchronized Optional<WatchedShipment> find(String trackingRef) {
        return Optional.ofNullable(shipments.get(trackingRef));
    }

    /** @return true when the shipment is new (a known tracking reference changes nothing) */
    synchronized boolean watch(String trackingRef, String purchaseId, Instant at) throws IOException {
        if (shipments.containsKey(trackingRef)) {
            return false;
        }
        shipments.put(trackingRef, new WatchedShipment(trackingRef, purchaseId, at, ShipmentStatus.WATCHING, null, null));
        save();
        return true;
    }

    synchronized void reported(String trackingRef, boolean delivered, String detail, Instant at) throws IOException {
        WatchedShipment s = shipments.get(trackingRef);
        if (s == null) {
            throw new IllegalArgumentException("no shipment with tracking reference " + trackingRef);
        }
        shipments.put(trackingRef, new WatchedShipment(s.trackingRef(), s.purchaseId(), s.watchedAt(),
                delivered ? ShipmentStatus.DELIVERED : ShipmentStatus.FAILED, at, detail));
        save();
    }

    private void save() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# Accord loopback courier: trackingRef, purchaseId, watchedAt, status, reportedAt, detail");
        for (WatchedShipment s : shipments.values()) {
            lines.add(String.join("\t", s.trackingRef(), s.purchaseId(), s.watchedAt().toString(), s.status().name(),
                    s.reportedAt() == null ? "-" : s.reportedAt().toString(), s.detail() == null ? "-" : s.detail()));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A field as stored: one line, no tabs, never empty. */
    static String clean(String value, String fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return value.replaceAll("[\\t\\r\\n]+", " ").strip();
    }
}
