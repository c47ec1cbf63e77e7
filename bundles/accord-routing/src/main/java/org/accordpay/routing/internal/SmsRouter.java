package org.accordpay.routing.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.accordpay.api.carrier.CarrierConnector;
import org.accordpay.api.carrier.CarrierException;
import org.accordpay.api.carrier.CarrierProperties;
import org.accordpay.api.carrier.dto.OutboundSms;
import org.accordpay.api.routing.RoutingException;
import org.accordpay.api.routing.SmsRouting;
import org.accordpay.api.routing.dto.CarrierStatus;
import org.accordpay.api.routing.dto.Route;
import org.accordpay.api.routing.dto.Sent;
import org.accordpay.api.time.AccordClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes each message: number to operator (longest configured prefix), operator to its carriers in
 * order, then the fallback; skips carriers that are unbound, down, taken out after failures, or live
 * when the message is test traffic; and refuses a message that would break a per-number or
 * per-subscriber cap. Carriers are known by id only, whatever node they run on.
 */
final class SmsRouter implements SmsRouting {

    private static final Logger LOG = LoggerFactory.getLogger(SmsRouter.class);

    /**
     * What routing is configured with.
     *
     * @param table             ranges, operators and fallback
     * @param failureThreshold  failed sends in a row before a carrier is taken out
     * @param probeInterval     how long it stays out before a probe
     * @param numberPerHour     cap per number per hour (0: none)
     * @param numberPerDay      cap per number per day (0: none)
     * @param subscriberPerHour cap per subscriber per hour (0: none)
     */
    record Settings(RoutingTable table, int failureThreshold, Duration probeInterval, int numberPerHour,
            int numberPerDay, int subscriberPerHour) {

        static Settings of(RoutingConfiguration c) {
            return new Settings(RoutingTable.parse(c.ranges(), c.operators(), c.fallback()), c.failure_threshold(),
                    Duration.ofSeconds(Math.max(1, c.probe_interval_seconds())), c.cap_number_per_hour(),
                    c.cap_number_per_day(), c.cap_subscriber_per_hour());
        }
    }

    /** A bound connector and what its registration says about it. */
    private record Bound(CarrierConnector connector, boolean test, boolean receipts) {
    }

    private final AccordClock clock;
    private final Map<String, Bound> bound = new ConcurrentHashMap<>();
    private final Map<String, CarrierHealth> health = new ConcurrentHashMap<>();
    private final RateCaps caps = new RateCaps();
    private volatile Settings settings;

    SmsRouter(Settings settings, AccordClock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Applies a new configuration; health and caps carry on. */
    void configure(Settings next) {
        this.settings = next;
        health.clear();
    }

    void bind(CarrierConnector carrier, Map<String, ?> properties) {
        bound.put(carrier.id(), new Bound(carrier, flag(properties, CarrierProperties.TEST, false),
                flag(properties, CarrierProperties.RECEIPTS, true)));
    }

    void unbind(CarrierConnector carrier) {
        bound.computeIfPresent(carrier.id(), (id, b) -> b.connector() == carrier ? null : b);
    }

    @Override
    public Sent send(OutboundSms message, String subscriber, boolean test, List<String> tried) throws RoutingException {
        Settings s = settings;
        String number;
        try {
            number = RoutingTable.canonical(message.toE164());
        } catch (IllegalArgumentException e) {
            throw new RoutingException(e.getMessage(), false);
        }
        String operator = s.table().operatorOf(number);
        boolean counted = tried.isEmpty();
        if (counted) {
            admit(s, number, subscriber);
        }
        Instant now = clock.now();
        StringBuilder why = new StringBuilder();
        boolean onlyRefusals = true;
        List<String> order = order(s, operator, test);
        List<String> untried = order.stream().filter(id -> !tried.contains(id)).toList();
        List<String> again = order.stream().filter(id -> tried.contains(id)
                && (!id.equals(tried.get(tried.size() - 1)) || order.size() == 1)).toList();
        for (String id : untried.isEmpty() ? again : concat(untried, again)) {
            Bound b = bound.get(id);
            CarrierHealth h = health(id, s);
            if (b == null || !b.connector().isAvailable() || !h.usable(now)) {
                why.append(id).append(b == null ? " not bound; " : !h.usable(now) ? " taken out; " : " down; ");
                onlyRefusals = false;
                continue;
            }
            try {
                b.connector().send(message);
                h.succeeded();
                return new Sent(id, operator, b.receipts());
            } catch (CarrierException e) {
                why.append(id).append(": ").append(e.getMessage()).append("; ");
                if (e.retryable()) {
                    onlyRefusals = false;
                    failed(id, h, now, e.getMessage());
                }
            } catch (RuntimeException e) {
                why.append(id).append(": ").append(e).append("; ");
                onlyRefusals = false;
                failed(id, h, now, e.toString());
            }
        }
        if (counted) {
            caps.uncount("number:" + number);
            caps.uncount("subscriber:" + subscriber);
        }
        String reason = why.length() == 0 ? "no carrier for operator " + operator + (test ? " (test traffic)" : "")
                : why.substring(0, why.length() - 2);
        throw new RoutingException(reason, !onlyRefusals || why.length() == 0);
    }

    @Override
    public Route route(String e164, boolean test) {
        Settings s = settings;
        String number = RoutingTable.canonical(e164);
        String operator = s.table().operatorOf(number);
        return new Route(number, operator, order(s, operator, test));
    }

    @Override
    public List<CarrierStatus> carriers() {
        Settings s = settings;
        TreeSet<String> ids = new TreeSet<>(bound.keySet());
        ids.addAll(s.table().configuredCarriers());
        Instant now = clock.now();
        List<CarrierStatus> out = new ArrayList<>();
        for (String id : ids) {
            Bound b = bound.get(id);
            CarrierHealth h = health(id, s);
            out.add(new CarrierStatus(id, b != null, b != null && b.connector().isAvailable(), h.healthy(),
                    b != null && b.test(), h.consecutiveFailures(), h.sent(), h.failedCount(),
                    h.usable(now) && h.healthy() ? null : h.outUntil()));
        }
        return out;
    }

    private void admit(Settings s, String number, String subscriber) throws RoutingException {
        Instant now = clock.now();
        if (!caps.tryCount("number:" + number, now, s.numberPerHour(), s.numberPerDay())) {
            throw new RoutingException("rate cap reached for " + number, false);
        }
        if (!caps.tryCount("subscriber:" + subscriber, now, s.subscriberPerHour(), 0)) {
            caps.uncount("number:" + number);
            throw new RoutingException("rate cap reached for " + subscriber, false);
        }
    }

    /** Carrier ids to try: configured order, test traffic only to bound test carriers. */
    private List<String> order(Settings s, String operator, boolean test) {
        List<String> all = s.table().carriersFor(operator, new ArrayList<>(new TreeSet<>(bound.keySet())));
        if (!test) {
            return all;
        }
        return all.stream().filter(id -> bound.containsKey(id) && bound.get(id).test()).toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private CarrierHealth health(String id, Settings s) {
        return health.computeIfAbsent(id, k -> new CarrierHealth(s.failureThreshold(), s.probeInterval()));
    }

    private void failed(String id, CarrierHealth h, Instant now, String error) {
        if (h.failed(now)) {
            LOG.warn("Carrier {} taken out after {} failed sends in a row (last: {}); probed again at {}", id,
                    h.consecutiveFailures(), error, h.outUntil());
        }
    }

    private static boolean flag(Map<String, ?> properties, String key, boolean absent) {
        Object v = properties == null ? null : properties.get(key);
        return v == null ? absent : Boolean.parseBoolean(String.valueOf(v));
    }
}
