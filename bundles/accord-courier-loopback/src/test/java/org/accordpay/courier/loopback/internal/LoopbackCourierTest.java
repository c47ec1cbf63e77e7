package org.accordpay.courier.loopback.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.accordpay.api.courier.CourierEvents;
import org.accordpay.api.courier.dto.DeliveryEvent;
import org.accordpay.api.courier.dto.Shipment;
import org.accordpay.api.time.AccordClock;
import org.accordpay.courier.loopback.ShipmentStatus;
import org.accordpay.courier.loopback.WatchedShipment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoopbackCourierTest {

    @TempDir
    Path dir;

    private final Instant now = Instant.parse("2026-11-25T10:00:00Z");
    private final AccordClock clock = new AccordClock() {
        @Override
        public Instant now() {
            return now;
        }

        @Override
        public Clock asClock() {
            return Clock.fixed(now, ZoneOffset.UTC);
        }
    };
    private final Executor direct = Runnable::run;

    /** A fake CourierEvents: matches the purchases it is told about. */
    static final class RecordingEvents implements CourierEvents {
        final List<DeliveryEvent> events = new CopyOnWriteArrayList<>();
        final List<String> shipped;

        RecordingEvents(String... shippedTrackingRefs) {
            shipped = List.of(shippedTrackingRefs);
        }

        @Override
        public boolean delivery(DeliveryEvent event) {
            events.add(event);
            return shipped.contains(event.trackingRef());
        }
    }

    private LoopbackCourier courier(boolean auto) throws Exception {
        return new LoopbackCourier("loopback-courier", ShipmentBook.open(dir.resolve("courier/loopback-courier.tsv")),
                clock, auto, direct);
    }

    @Test
    void remembersShipmentsOnceAndAcrossARestart() throws Exception {
        LoopbackCourier courier = courier(false);
        courier.watch(new Shipment("loopback-courier", "TRK-1", "pur_1"));
        courier.watch(new Shipment("loopback-courier", "TRK-1", "pur_1"));
        courier.watch(new Shipment("loopback-courier", "TRK-2", "pur_2"));

        LoopbackCourier restarted = courier(false);
        assertThat(restarted.shipments()).containsExactly(
                new WatchedShipment("TRK-1", "pur_1", now, ShipmentStatus.WATCHING, null, null),
                new WatchedShipment("TRK-2", "pur_2", now, ShipmentStatus.WATCHING, null, null));
    }

    @Test
    void deliversOnCommandThroughCourierEvents() throws Exception {
        LoopbackCourier courier = courier(false);
        RecordingEvents accord = new RecordingEvents("TRK-1");
        courier.eventsBound(accord);
        courier.watch(new Shipment("loopback-courier", "TRK-1", "pur_1"));
        courier.watch(new Shipment("loopback-courier", "TRK-2", "pur_2"));
        assertThat(accord.events).as("no automatic delivery by default").isEmpty();

        assertThat(courier.deliver("TRK-1", true, null)).isTrue();
        assertThat(courier.deliver("TRK-2", false, "nobody home\tleft a note")).isFalse();

        assertThat(accord.events).containsExactly(
                new DeliveryEvent("loopback-courier", "TRK-1", true, "delivered", now),
                new DeliveryEvent("loopback-courier", "TRK-2", false, "nobody home left a note", now));
        assertThat(courier(false).shipments()).extracting(WatchedShipment::status, WatchedShipment::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ShipmentStatus.DELIVERED, "delivered"),
                        org.assertj.core.groups.Tuple.tuple(ShipmentStatus.FAILED, "nobody home left a note"));
    }

    @Test
    void refusesClearlyWithoutCourierEventsOrForAnUnknownShipment() throws Exception {
        LoopbackCourier courier = courier(false);
        courier.watch(new Shipment("loopback-courier", "TRK-1", "pur_1"));
        assertThatThrownBy(() -> courier.deliver("TRK-1", true, null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CourierEvents");
        assertThat(courier.find("TRK-1").orElseThrow().status()).isEqualTo(ShipmentStatus.WATCHING);

        RecordingEvents accord = new RecordingEvents();
        courier.eventsBound(accord);
        courier.eventsUnbound(accord);
        assertThatThrownBy(() -> courier.deliver("TRK-1", true, null)).isInstanceOf(IllegalStateException.class);
        courier.eventsBound(accord);
        assertThatThrownBy(() -> courier.deliver("TRK-404", true, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void autoDeliverReportsAtOnceOrWhenCourierEventsComes() throws Exception {
        LoopbackCourier courier = courier(true);
        courier.watch(new Shipment("loopback-courier", "TRK-1", "pur_1"));
        assertThat(courier.find("TRK-1").orElseThrow().status()).as("nobody to tell yet").isEqualTo(ShipmentStatus.WATCHING);

        RecordingEvents accord = new RecordingEvents("TRK-1", "TRK-2");
        courier.eventsBound(accord);
        assertThat(accord.events).extracting(DeliveryEvent::trackingRef).containsExactly("TRK-1");
        courier.watch(new Shipment("loopback-courier", "TRK-2", "pur_2"));
        courier.watch(new Shipment("loopback-courier", "TRK-2", "pur_2"));
        assertThat(accord.events).extracting(DeliveryEvent::trackingRef).containsExactly("TRK-1", "TRK-2");
        assertThat(courier.shipments()).allSatisfy(s -> assertThat(s.status()).isEqualTo(ShipmentStatus.DELIVERED));
    }
}
