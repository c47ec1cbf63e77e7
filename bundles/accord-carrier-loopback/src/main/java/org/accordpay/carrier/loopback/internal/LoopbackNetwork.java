package org.accordpay.carrier.loopback.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.accordpay.api.carrier.CarrierConnector;
import org.accordpay.api.carrier.CarrierException;
import org.accordpay.api.carrier.CarrierInbound;
import org.accordpay.api.carrier.dto.DeliveryReport;
import org.accordpay.api.carrier.dto.InboundSms;
import org.accordpay.api.carrier.dto.OutboundSms;
import org.accordpay.api.registry.CustomerRegistry;
import org.accordpay.api.registry.dto.EnrolmentTicket;
import org.accordpay.api.time.AccordClock;
import org.accordpay.carrier.loopback.HandsetPolicy;
import org.accordpay.carrier.loopback.InboxMessage;
import org.accordpay.carrier.loopback.PendingChallenge;
import org.accordpay.carrier.loopback.SimulatedHandset;
import org.accordpay.carrier.loopback.SimulatedHandsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loopback carrier and its simulated handsets: messages sent to a simulated number are
 * delivered on the executor after the configured delay, the handset acts by its policy, and its
 * response comes back to {@link CarrierInbound} as a mobile-originated binary SMS. What Accord
 * cannot be told now (no CarrierInbound bound) waits in memory, in order, until one is bound.
 */
final class LoopbackNetwork implements CarrierConnector, SimulatedHandsets {

    private static final Logger LOG = LoggerFactory.getLogger(LoopbackNetwork.class);
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final int MAX_WAITING = 100_000;

    private final String id;
    private final Path dir;
    private final AccordClock clock;
    private final Clock agentClock;
    private final ScheduledExecutorService executor;
    private final long delayMillis;
    private final long codeWaitMillis;
    private final Supplier<CustomerRegistry> registry;
    private final Map<String, SimulatedPhone> phones = new ConcurrentHashMap<>();

    private final Object toAccordLock = new Object();
    private CarrierInbound inbound; // guarded by toAccordLock
    private final Deque<Object> waiting = new ArrayDeque<>(); // InboundSms or DeliveryReport; guarded
    private final Object flushLock = new Object();
    private volatile boolean closed;

    /**
     * Loads the handsets found in {@code dir}.
     *
     * @param registry the customer registry right now, or null (for {@link #enrol})
     */
    LoopbackNetwork(String id, Path dir, AccordClock clock, ScheduledExecutorService executor, long delayMillis,
            long codeWaitMillis, Supplier<CustomerRegistry> registry) throws IOException {
        this.id = id;
        this.dir = dir;
        this.clock = clock;
        this.agentClock = new AccordTimeClock(clock);
        this.executor = executor;
        this.delayMillis = Math.max(0, delayMillis);
        this.codeWaitMillis = Math.max(0, codeWaitMillis);
        this.registry = registry;
        for (Path settings : SimulatedPhone.settingsFiles(dir)) {
            try {
                SimulatedPhone p = SimulatedPhone.load(settings, agentClock);
                phones.put(p.phone(), p);
            } catch (IOException | RuntimeException e) {
                LOG.warn("Simulated handset {} not loaded: {}", settings.getFileName(), e.toString());
            }
        }
        LOG.info("Loopback carrier '{}' up with {} simulated handset(s) in {}", id, phones.size(), dir);
    }

    // ---- CarrierConnector ----

    @Override
    public String id() {
        return id;
    }

    @Override
    public boolean isAvailable() {
        return !closed;
    }

    @Override
    public void send(OutboundSms message) throws CarrierException {
        if (message == null || message.messageId() == null || message.toE164() == null) {
            throw new CarrierException("message id and destination are required", false);
        }
        if (closed) {
            throw new CarrierException("loopback carrier stopped", true);
        }
        try {
            executor.schedule(() -> deliver(message), delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            throw new CarrierException("loopback carrier stopped", true);
        }
    }

    private void deliver(OutboundSms message) {
        SimulatedPhone phone = phones.get(message.toE164());
        if (phone == null) {
            toAccord(new DeliveryReport(id, message.messageId(), false, "unknown subscriber", clock.now()));
            return;
        }
        byte[] response;
        try {
            response = phone.receive(message);
        } catch (RuntimeException e) {
            LOG.warn("{}: message {} broke the handset: {}", phone.phone(), message.messageId(), e.toString());
            response = null;
        }
        toAccord(new DeliveryReport(id, message.messageId(), true, "delivered", clock.now()));
        if (response != null) {
            toAccord(new InboundSms(id, phone.phone(), response, null, clock.now()));
        }
    }

    // ---- towards Accord ----

    /** A CarrierInbound appeared (greedy: it replaces the current one); what waited is delivered. */
    void inboundBound(CarrierInbound service) {
        synchronized (toAccordLock) {
            inbound = service;
        }
        if (!closed) {
            try {
                executor.execute(this::flush);
            } catch (RejectedExecutionException e) {
                LOG.debug("stopping: nothing flushed");
            }
        }
    }

    /** A CarrierInbound went away; messages wait until another is bound. */
    void inboundUnbound(CarrierInbound service) {
        synchronized (toAccordLock) {
            if (inbound == service) {
                inbound = null;
            }
        }
    }

    /** @return messages waiting for a CarrierInbound */
    int waitingForAccord() {
        synchronized (toAccordLock) {
            return waiting.size();
        }
    }

    /** Straight to the bound CarrierInbound when nothing waits; otherwise behind what waits. */
    private void toAccord(Object event) {
        CarrierInbound target = null;
        synchronized (toAccordLock) {
            if (inbound != null && waiting.isEmpty()) {
                target = inbound;
            } else {
                if (waiting.size() >= MAX_WAITING) {
                    LOG.warn("Loopback carrier '{}': {} messages wait for Accord; dropping the oldest", id, MAX_WAITING);
                    waiting.removeFirst();
                }
                waiting.addLast(event);
            }
        }
        if (target != null) {
            handOver(target, event);
        }
    }

    /** Hands waiting messages to the bound CarrierInbound, in order, one flush at a time. */
    private void flush() {
        synchronized (flushLock) {
            while (true) {
                CarrierInbound target;
                Object event;
                synchronized (toAccordLock) {
                    target = inbound;
                    if (target == null || waiting.isEmpty()) {
                        return;
                    }
                    event = waiting.removeFirst();
                }
                handOver(target, event);
            }
        }
    }

    private void handOver(CarrierInbound target, Object event) {
        try {
            if (event instanceof InboundSms sms) {
                target.received(sms);
            } else {
                target.reported((DeliveryReport) event);
            }
        } catch (RuntimeException e) {
            LOG.warn("CarrierInbound failed on {}: {}", event.getClass().getSimpleName(), e.toString());
        }
    }

    // ---- SimulatedHandsets ----

    @Override
    public SimulatedHandset create(String phoneE164, char[] pin) {
        if (phoneE164 == null || !E164.matcher(phoneE164).matches()) {
            throw new IllegalArgumentException("not an E.164 number: " + phoneE164);
        }
        if (pin == null || pin.length == 0) {
            throw new IllegalArgumentException("a PIN is required");
        }
        synchronized (phones) {
            if (phones.containsKey(phoneE164) || Files.exists(SimulatedPhone.stateFile(dir, phoneE164))) {
                throw new IllegalArgumentException("a handset with number " + phoneE164 + " exists");
            }
            try {
                SimulatedPhone p = SimulatedPhone.create(dir, phoneE164, pin, agentClock);
                phones.put(phoneE164, p);
                LOG.info("Simulated handset {} created", phoneE164);
                return p.view();
            } catch (IOException e) {
                throw new IllegalStateException("handset " + phoneE164 + " not created: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public SimulatedHandset enrol(String enrolmentId) {
        CustomerRegistry current = registry.get();
        if (current == null) {
            throw new IllegalStateException("no customer registry: install the registry feature first");
        }
        EnrolmentTicket ticket = current.enrolment(enrolmentId)
                .orElseThrow(() -> new IllegalArgumentException("unknown enrolment " + enrolmentId));
        SimulatedPhone phone = phone(ticket.phoneE164());
        try {
            phone.enrol(current, ticket, codeWaitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the one-time code", e);
        }
        return phone.view();
    }

    @Override
    public void setPolicy(String phoneE164, HandsetPolicy policy) {
        if (policy == null) {
            throw new IllegalArgumentException("policy is required");
        }
        try {
            phone(phoneE164).policy(policy);
        } catch (IOException e) {
            throw new IllegalStateException("policy not saved: " + e.getMessage(), e);
        }
    }

    @Override
    public List<InboxMessage> inbox(String phoneE164) {
        return phone(phoneE164).inbox();
    }

    @Override
    public Optional<PendingChallenge> pending(String phoneE164) {
        return phone(phoneE164).pending();
    }

    @Override
    public void answer(String phoneE164, boolean approve, char[] pinOverride) {
        SimulatedPhone phone = phone(phoneE164);
        byte[] response = phone.answer(approve, pinOverride);
        toAccord(new InboundSms(id, phone.phone(), response, null, clock.now()));
    }

    @Override
    public Optional<byte[]> receiveElsewhere(String phoneE164, String messageId, String text, byte[] binary) {
        return Optional.ofNullable(phone(phoneE164).receive(new OutboundSms(messageId, phoneE164, text, binary, 0)));
    }

    @Override
    public Optional<SimulatedHandset> find(String phoneE164) {
        return Optional.ofNullable(phones.get(phoneE164)).map(SimulatedPhone::view);
    }

    @Override
    public List<SimulatedHandset> list() {
        return phones.values().stream().map(SimulatedPhone::view)
                .sorted(Comparator.comparing(SimulatedHandset::phoneE164)).toList();
    }

    @Override
    public long challengesSeen() {
        return phones.values().stream().mapToLong(SimulatedPhone::seen).sum();
    }

    @Override
    public long challengesAnswered() {
        return phones.values().stream().mapToLong(SimulatedPhone::answered).sum();
    }

    private SimulatedPhone phone(String phoneE164) {
        SimulatedPhone phone = phoneE164 == null ? null : phones.get(phoneE164);
        if (phone == null) {
            throw new IllegalArgumentException("no simulated handset with number " + phoneE164);
        }
        return phone;
    }

    /** Stops taking messages; messages not delivered yet are lost, as on a real network. */
    void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "LoopbackNetwork[" + id + ", " + phones.size() + " handsets]";
    }
}
