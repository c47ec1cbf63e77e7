package org.accordpay.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.accordpay.api.carrier.CarrierConnector;
import org.accordpay.api.carrier.CarrierException;
import org.accordpay.api.carrier.CarrierProperties;
import org.accordpay.api.carrier.dto.OutboundSms;
import org.accordpay.api.routing.RoutingException;
import org.accordpay.api.routing.dto.CarrierStatus;
import org.accordpay.api.routing.dto.Sent;
import org.accordpay.testkit.MovableClock;
import org.junit.jupiter.api.Test;

class SmsRouterTest {

    private static final String ORANGE = "+33662345678";
    private static final String SFR = "+33612345678";
    private static final String UK = "+447911123456";

    private final MovableClock clock = new MovableClock();

    /** A carrier that records what it took and fails as told. */
    static final class Carrier implements CarrierConnector {
        final String id;
        final List<OutboundSms> sent = new ArrayList<>();
        final Deque<CarrierException> failures = new ArrayDeque<>();
        volatile boolean up = true;
        int calls;

        Carrier(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public boolean isAvailable() {
            return up;
        }

        @Override
        public void send(OutboundSms message) throws CarrierException {
            calls++;
            CarrierException f = failures.poll();
            if (f != null) {
                throw f;
            }
            sent.add(message);
        }
    }

    private SmsRouter router(String[] ranges, String[] operators, String[] fallback, int capHour, int capDay) {
        return new SmsRouter(new SmsRouter.Settings(RoutingTable.parse(ranges, operators, fallback), 3,
                Duration.ofSeconds(30), capHour, capDay, capHour), clock);
    }

    private SmsRouter frenchRouter() {
        return router(new String[] {"+336=sfr", "+3366=orange", "+3361234=sfr-premium"},
                new String[] {"orange=smpp-orange,http-gw", "sfr=smpp-sfr"}, new String[] {"http-gw"}, 0, 0);
    }

    private static Carrier bind(SmsRouter r, String id, boolean test, boolean receipts) {
        Carrier c = new Carrier(id);
        Map<String, Object> p = new HashMap<>();
        p.put(CarrierProperties.ID, id);
        p.put(CarrierProperties.TEST, test);
        p.put(CarrierProperties.RECEIPTS, receipts);
        r.bind(c, p);
        return c;
    }

    private static OutboundSms sms(String to) {
        return new OutboundSms("msg-" + System.nanoTime(), to, "hello", null, 0);
    }

    @Test
    void numberGoesToItsOperatorsCarriersThenTheFallback() throws Exception {
        SmsRouter r = frenchRouter();
        Carrier orange = bind(r, "smpp-orange", false, true);
        Carrier sfr = bind(r, "smpp-sfr", false, false);
        bind(r, "http-gw", false, true);

        assertThat(r.route(ORANGE, false).operator()).isEqualTo("orange");
        assertThat(r.route(ORANGE, false).carriers()).containsExactly("smpp-orange", "http-gw");
        assertThat(r.route(SFR, false).operator()).as("longest prefix wins").isEqualTo("sfr-premium");
        assertThat(r.route("+33622222222", false).carriers()).containsExactly("smpp-sfr", "http-gw");
        assertThat(r.route(UK, false).operator()).isEqualTo(RoutingTable.DEFAULT_OPERATOR);
        assertThat(r.route(UK, false).carriers()).containsExactly("http-gw");

        Sent viaOrange = r.send(sms(ORANGE), "customer:a", false, List.of());
        assertThat(viaOrange).isEqualTo(new Sent("smpp-orange", "orange", true));
        Sent viaSfr = r.send(sms("+33622222222"), "customer:b", false, List.of());
        assertThat(viaSfr).as("a carrier without reports").isEqualTo(new Sent("smpp-sfr", "sfr", false));
        assertThat(orange.sent).hasSize(1);
        assertThat(sfr.sent).hasSize(1);
    }

    @Test
    void withoutAFallbackEveryOtherBoundCarrierIsTriedById() {
        SmsRouter r = router(new String[0], new String[0], new String[0], 0, 0);
        bind(r, "zeta", false, true);
        bind(r, "alpha", false, true);
        assertThat(r.route(SFR, false).carriers()).containsExactly("alpha", "zeta");
    }

    @Test
    void aFailingCarrierIsSkippedForTheNextAndTakenOutThenProbedBack() throws Exception {
        SmsRouter r = frenchRouter();
        Carrier orange = bind(r, "smpp-orange", false, true);
        Carrier gw = bind(r, "http-gw", false, true);
        for (int i = 0; i < 3; i++) {
            orange.failures.add(new CarrierException("link lost", true));
            assertThat(r.send(sms(ORANGE), "customer:" + i, false, List.of()).carrierId()).isEqualTo("http-gw");
        }
        CarrierStatus out = status(r, "smpp-orange");
        assertThat(out.healthy()).isFalse();
        assertThat(out.outUntil()).isEqualTo(clock.now().plusSeconds(30));

        r.send(sms(ORANGE), "customer:x", false, List.of());
        assertThat(orange.calls).as("taken out: not even tried").isEqualTo(3);
        assertThat(gw.sent).hasSize(4);

        clock.advance(Duration.ofSeconds(30));
        assertThat(r.send(sms(ORANGE), "customer:y", false, List.of()).carrierId()).as("the probe").isEqualTo(
                "smpp-orange");
        assertThat(status(r, "smpp-orange").healthy()).isTrue();
        assertThat(status(r, "smpp-orange").consecutiveFailures()).isZero();
    }

    @Test
    void aFailedProbeTakesTheCarrierOutAgain() throws Exception {
        SmsRouter r = frenchRouter();
        Carrier orange = bind(r, "smpp-orange", false, true);
        bind(r, "http-gw", false, true);
        for (int i = 0; i < 3; i++) {
            orange.failures.add(new CarrierException("timeout", true));
            r.send(sms(ORANGE), "customer:" + i, false, List.of());
        }
        clock.advance(Duration.ofSeconds(31));
        orange.failures.add(new CarrierException("still broken", true));
        assertThat(r.send(sms(ORANGE), "customer:p", false, List.of()).carrierId()).isEqualTo("http-gw");
        assertThat(status(r, "smpp-orange").outUntil()).isEqualTo(clock.now().plusSeconds(30));
    }

    @Test
    void aCarrierThatIsDownOrUnboundIsSkippedWithoutCountingAFailure() throws Exception {
        SmsRouter r = frenchRouter();
        Carrier orange = bind(r, "smpp-orange", false, true);
        orange.up = false;
        assertThatThrownBy(() -> r.send(sms(ORANGE), "customer:a", false, List.of()))
                .isInstanceOfSatisfying(RoutingException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).contains("smpp-orange down", "http-gw not bound");
                });
        assertThat(orange.calls).isZero();
        assertThat(status(r, "smpp-orange").consecutiveFailures()).isZero();
        orange.up = true;
        assertThat(r.send(sms(ORANGE), "customer:a", false, List.of()).carrierId()).isEqualTo("smpp-orange");
        r.unbind(orange);
        assertThat(status(r, "smpp-orange").bound()).isFalse();
    }

    @Test
    void carriersThatAlreadyHadTheMessageComeLast() throws Exception {
        SmsRouter r = frenchRouter();
        Carrier orange = bind(r, "smpp-orange", false, true);
        Carrier gw = bind(r, "http-gw", false, true);
        assertThat(r.send(sms(ORANGE), "customer:a", false, List.of("smpp-orange")).carrierId()).isEqualTo("http-gw");
        assertThat(r.send(sms(ORANGE), "customer:a", false, List.of("smpp-orange", "http-gw")).carrierId())
                .as("every carrier had it: again from the start, but not the last one tried").isEqualTo("smpp-orange");
        orange.up = false;
        assertThatThrownBy(() -> r.send(sms(ORANGE), "customer:a", false, List.of("smpp-orange", "http-gw")))
                .isInstanceOf(RoutingException.class);
        assertThat(gw.sent).hasSize(1);

        SmsRouter single = router(new String[0], new String[0], new String[0], 0, 0);
        Carrier only = bind(single, "only", false, true);
        single.send(sms(ORANGE), "customer:a", false, List.of("only"));
        assertThat(only.sent).as("a lone carrier gets the message again").hasSize(1);
    }

    @Test
    void testTrafficGoesOnlyToTestCarriers() throws Exception {
        SmsRouter r = router(new String[0], new String[0], new String[0], 0, 0);
        Carrier live = bind(r, "smpp-live", false, true);
        assertThatThrownBy(() -> r.send(sms(SFR), "customer:a", true, List.of()))
                .isInstanceOfSatisfying(RoutingException.class, e -> assertThat(e.retryable()).isTrue());
        Carrier loop = bind(r, "loopback", true, true);
        assertThat(r.send(sms(SFR), "customer:a", true, List.of()).carrierId()).isEqualTo("loopback");
        assertThat(r.route(SFR, true).carriers()).containsExactly("loopback");
        assertThat(r.send(sms(SFR), "customer:a", false, List.of()).carrierId()).as("live traffic may use any")
                .isEqualTo("loopback");
        assertThat(live.calls).isZero();
        assertThat(loop.sent).hasSize(2);
    }

    @Test
    void aPhoneCannotBeFlooded() throws Exception {
        SmsRouter r = router(new String[0], new String[0], new String[0], 3, 5);
        Carrier c = bind(r, "c", false, true);
        for (int i = 0; i < 3; i++) {
            r.send(sms(SFR), "customer:" + i, false, List.of());
        }
        assertThatThrownBy(() -> r.send(sms(SFR), "customer:other", false, List.of()))
                .isInstanceOfSatisfying(RoutingException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("rate cap", SFR);
                });
        assertThat(r.send(sms(SFR), "customer:0", false, List.of("x")).carrierId())
                .as("a retry of a message already counted is not counted again").isEqualTo("c");
        clock.advance(Duration.ofHours(1));
        r.send(sms(SFR), "customer:9", false, List.of());
        r.send(sms(SFR), "customer:9", false, List.of());
        assertThatThrownBy(() -> r.send(sms(SFR), "customer:10", false, List.of()))
                .as("the daily cap").hasMessageContaining("rate cap");
        assertThat(c.sent).hasSize(6);
    }

    @Test
    void aSubscriberCannotBeFloodedAcrossNumbersAndFailedSendsDoNotCount() throws Exception {
        SmsRouter r = router(new String[0], new String[0], new String[0], 2, 0);
        Carrier c = bind(r, "c", false, true);
        c.failures.add(new CarrierException("throttled", true));
        assertThatThrownBy(() -> r.send(sms(SFR), "customer:a", false, List.of())).isInstanceOf(RoutingException.class);
        r.send(sms(SFR), "customer:a", false, List.of());
        r.send(sms(ORANGE), "customer:a", false, List.of());
        assertThatThrownBy(() -> r.send(sms(UK), "customer:a", false, List.of()))
                .hasMessageContaining("rate cap reached for customer:a");
    }

    @Test
    void aPermanentRefusalByEveryCarrierIsNotRetryable() throws Exception {
        SmsRouter r = router(new String[0], new String[0], new String[0], 0, 0);
        Carrier c = bind(r, "c", false, true);
        c.failures.add(new CarrierException("invalid destination", false));
        assertThatThrownBy(() -> r.send(sms(SFR), "customer:a", false, List.of()))
                .isInstanceOfSatisfying(RoutingException.class, e -> assertThat(e.retryable()).isFalse());
        assertThat(status(r, "c").consecutiveFailures()).as("a refusal says nothing about the link").isZero();
        assertThatThrownBy(() -> r.send(sms("+3361"), "customer:a", false, List.of()))
                .isInstanceOfSatisfying(RoutingException.class, e -> assertThat(e.retryable()).isFalse());
    }

    @Test
    void aCfgFileGivesSeveralEntriesInOneString() {
        RoutingTable t = RoutingTable.parse(new String[] {"+3366=orange, +336=sfr"},
                new String[] {"orange=smpp-orange,http-gw; sfr=smpp-sfr"}, new String[] {""});
        assertThat(t.operatorOf("+33662345678")).isEqualTo("orange");
        assertThat(t.operatorOf("+33612345678")).isEqualTo("sfr");
        assertThat(t.carriersFor("orange", List.of("loopback"))).containsExactly("smpp-orange", "http-gw", "loopback");
        assertThat(t.carriersFor("sfr", List.of())).containsExactly("smpp-sfr");
        assertThat(RoutingTable.parse(new String[] {""}, new String[] {""}, new String[] {""}).configuredCarriers())
                .isEmpty();
    }

    @Test
    void malformedConfigurationIsRefusedWithTheEntry() {
        assertThatThrownBy(() -> RoutingTable.parse(new String[] {"33=orange"}, new String[0], new String[0]))
                .hasMessageContaining("33=orange");
        assertThatThrownBy(() -> RoutingTable.parse(new String[0], new String[] {"orange"}, new String[0]))
                .hasMessageContaining("key=value");
        assertThatThrownBy(() -> RoutingTable.parse(new String[0], new String[] {"orange= , "}, new String[0]))
                .hasMessageContaining("names no carrier");
    }

    private static CarrierStatus status(SmsRouter r, String id) {
        return r.carriers().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }
}
