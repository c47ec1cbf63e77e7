package org.accordpay.console.internal.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.accordpay.api.routing.dto.CarrierStatus;
import org.junit.jupiter.api.Test;

class TrafficSamplerTest {

    private final List<CarrierStatus> carriers = new ArrayList<>();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-05T10:00:00Z"));
    private final TrafficSampler sampler = new TrafficSampler(() -> List.copyOf(carriers),
            () -> new TrafficSampler.OutboxFigures(3, Instant.parse("2026-12-05T09:59:00Z")), now::get);

    @Test
    void ratesArePerMinuteAcrossAllCarriersAndNeverNegative() {
        carriers.add(carrier("loopback", 10, 0));
        sampler.sample();
        carriers.set(0, carrier("loopback", 14, 1));
        carriers.add(carrier("smpp", 2, 0));
        now.set(now.get().plusSeconds(30));
        sampler.sample();
        // the SMPP carrier was reinstalled: its counters start again from 0
        carriers.set(1, carrier("smpp", 0, 0));
        now.set(now.get().plusSeconds(30));
        sampler.sample();

        List<TrafficSampler.Rate> rates = sampler.rates();
        assertThat(rates).hasSize(2);
        assertThat(rates.get(0).sent()).isEqualTo(12.0); // 6 more in half a minute
        assertThat(rates.get(0).failed()).isEqualTo(2.0);
        assertThat(rates.get(1).sent()).isZero();
        assertThat(sampler.samples().get(2).outbox().waiting()).isEqualTo(3);
    }

    @Test
    void keepsTheLastSamplesOnly() {
        for (int i = 0; i < TrafficSampler.KEEP + 10; i++) {
            now.set(now.get().plusSeconds(2));
            sampler.sample();
        }
        assertThat(sampler.samples()).hasSize(TrafficSampler.KEEP);
        assertThat(sampler.rates()).hasSize(TrafficSampler.KEEP - 1);
    }

    @Test
    void thePlotIsAnSvgWithOneLinePerSeriesScaledToTheLargestRate() {
        String empty = RatePlot.svg(List.of());
        assertThat(empty).startsWith("<svg").endsWith("</svg>").doesNotContain("polyline").contains("1/min");
        Instant t = Instant.parse("2026-12-05T10:00:00Z");
        String svg = RatePlot.svg(List.of(new TrafficSampler.Rate(t, 0, 0), new TrafficSampler.Rate(t.plusSeconds(2), 42.3, 1),
                new TrafficSampler.Rate(t.plusSeconds(4), 10, 0)));
        assertThat(svg).contains("43/min");
        assertThat(svg.split("<polyline", -1)).hasSize(3);
        // zero lies on the bottom of the plot area
        assertThat(svg).contains("," + (RatePlot.HEIGHT - 8) + ".0");
    }

    private static CarrierStatus carrier(String id, long sent, long failed) {
        return new CarrierStatus(id, true, true, true, true, 0, sent, failed, null);
    }
}
