package org.accordpay.carrier.smpp.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.accordpay.api.carrier.CarrierConnector;
import org.accordpay.api.carrier.CarrierException;
import org.accordpay.api.carrier.CarrierInbound;
import org.accordpay.api.carrier.dto.DeliveryReport;
import org.accordpay.api.carrier.dto.InboundSms;
import org.accordpay.api.carrier.dto.OutboundSms;
import org.jsmpp.DefaultPDUSender;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.SynchronizedPDUSender;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RawDataCoding;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DefaultComposer;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SMPP 3.4 transceiver session to an SMSC as a {@link CarrierConnector}. A supervisor thread binds, and
 * binds again with exponential back-off whenever the session closes (jSMPP does not reconnect by itself).
 * Sends fail fast and retryable while unbound, so the outbox keeps the message; receipts and
 * mobile-originated messages go to Accord through an {@link InboundRelay}.
 */
final class SmppCarrier implements CarrierConnector, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmppCarrier.class);

    /** command_status values after which the same submit_sm may succeed later. */
    private static final Set<Integer> RETRYABLE_STATUS = Set.of(SMPPConstant.STAT_ESME_RTHROTTLED,
            SMPPConstant.STAT_ESME_RMSGQFUL, SMPPConstant.STAT_ESME_RSYSERR, SMPPConstant.STAT_ESME_RX_T_APPN,
            SMPPConstant.STAT_ESME_RINVBNDSTS);
    /** Compiled once: String.matches compiles its pattern on every call, per message and per receipt. */
    private static final Pattern DIGITS = Pattern.compile("[0-9]{3,20}");
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9]+");
    private static final Pattern NO_ERROR = Pattern.compile("0+");

    private final SmppSettings settings;
    private final Supplier<Instant> clock;
    private final Semaphore window;
    private final SendPacer pacer;
    private final ReceiptBook book;
    private final Reassembler reassembler;
    private final InboundRelay relay;
    private final AtomicInteger references = new AtomicInteger(ThreadLocalRandom.current().nextInt(256));
    private final AtomicInteger binds = new AtomicInteger();
    private final Set<InFlight> inFlight = ConcurrentHashMap.newKeySet();
    private final Object signal = new Object();
    private final Thread supervisor;
    private final MessageReceiverListener listener = new Listener();
    private volatile SMPPSession session;
    private volatile boolean closed;
    private volatile String lastFailure = "not bound yet";

    SmppCarrier(SmppSettings settings, Supplier<Instant> clock) {
        this.settings = settings;
        this.clock = clock;
        this.window = new Semaphore(settings.window(), true);
        this.pacer = new SendPacer(settings.rate());
        this.book = new ReceiptBook(settings.id(), settings.receiptMemory());
        this.reassembler = new Reassembler(1000, Duration.ofMinutes(10));
        this.relay = new InboundRelay(settings.id(), settings.inboundQueue());
        this.supervisor = new Thread(this::supervise, "accord-carrier-smpp-" + settings.id());
        this.supervisor.setDaemon(true);
    }

    /** Starts binding in the background. */
    void start() {
        supervisor.start();
    }

    @Override
    public String id() {
        return settings.id();
    }

    @Override
    public boolean isAvailable() {
        SMPPSession s = session;
        return !closed && s != null && s.getSessionState().isBound();
    }

    void inboundBound(CarrierInbound inbound) {
        relay.bound(inbound);
    }

    void inboundUnbound(CarrierInbound inbound) {
        relay.unbound(inbound);
    }

    /** @return how many times the session was bound */
    int bindCount() {
        return binds.get();
    }

    /** @return receipts and messages waiting for Accord */
    int waitingForAccord() {
        return relay.waiting();
    }

    @Override
    public void send(OutboundSms message) throws CarrierException {
        if (closed) {
            throw new CarrierException("carrier " + id() + " is stopped", true);
        }
        String destination = destination(message.toE164());
        ReceiptBook.Outgoing outgoing;
        try {
            outgoing = book.outgoing(message.messageId(), () -> plan(message));
        } catch (IllegalArgumentException e) {
            throw new CarrierException("carrier " + id() + " cannot send " + message.messageId() + ": " + e.getMessage(), false);
        }
        for (int part = 0; part < outgoing.parts.size(); part++) {
            if (!outgoing.accepted(part)) {
                submit(outgoing, part, destination);
            }
        }
    }

    private List<SubmitPart> plan(OutboundSms message) {
        List<SubmitPart> parts = new ArrayList<>();
        if (message.text() != null && !message.text().isEmpty()) {
            parts.addAll(SmsEncoder.text(message.text(), references.getAndIncrement()));
        }
        byte[] binary = message.binary();
        if (binary != null && binary.length > 0) {
            int port = message.port() > 0 ? message.port() : settings.binaryPort();
            parts.addAll(SmsEncoder.binary(binary, port, settings.binaryPort(), references.getAndIncrement()));
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to send");
        }
        return List.copyOf(parts);
    }

    private void submit(ReceiptBook.Outgoing outgoing, int part, String destination) throws CarrierException {
        String what = outgoing.messageId + " part " + (part + 1) + "/" + outgoing.parts.size();
        SMPPSession s = session;
        if (s == null || !s.getSessionState().isBound()) {
            throw new CarrierException("carrier " + id() + " is not bound to its SMSC (" + lastFailure + ")", true);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.windowWaitMs());
        try {
            if (!window.tryAcquire(settings.windowWaitMs(), TimeUnit.MILLISECONDS)) {
                throw new CarrierException("carrier " + id() + ": window of " + settings.window() + " full, " + what, true);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CarrierException("interrupted while waiting for the window", true);
        }
        try {
            if (!pacer.acquire(deadline)) {
                throw new CarrierException("carrier " + id() + ": rate of " + settings.rate() + "/s reached, " + what, true);
            }
            SubmitPart p = outgoing.parts.get(part);
            SubmitSmResult result;
            InFlight call = new InFlight(Thread.currentThread(), s);
            inFlight.add(call);
            try {
                result = s.submitShortMessage("", TypeOfNumber.valueOf((byte) settings.sourceTon()),
                        NumberingPlanIndicator.valueOf((byte) settings.sourceNpi()), settings.sourceAddress(),
                        TypeOfNumber.valueOf((byte) settings.destinationTon()),
                        NumberingPlanIndicator.valueOf((byte) settings.destinationNpi()), destination,
                        new ESMClass(p.esmClass()), (byte) 0, (byte) 0, null, null,
                        new RegisteredDelivery(settings.registeredDelivery() ? SMSCDeliveryReceipt.SUCCESS_FAILURE
                                : SMSCDeliveryReceipt.DEFAULT),
                        (byte) 0, new RawDataCoding(p.dataCoding()), (byte) 0, p.shortMessage());
            } finally {
                inFlight.remove(call);
                call.finish();
            }
            DeliveryReport early = book.accepted(result.getMessageId(), outgoing, part);
            if (early != null) {
                relay.relay(early);
            }
        } catch (NegativeResponseException e) {
            int status = e.getCommandStatus();
            throw new CarrierException("carrier " + id() + ": SMSC refused " + what + " with command_status 0x"
                    + Integer.toHexString(status), RETRYABLE_STATUS.contains(status));
        } catch (ResponseTimeoutException e) {
            throw new CarrierException("carrier " + id() + (s.getSessionState() == SessionState.CLOSED
                    ? ": link lost waiting for the submit_sm_resp of " + what
                    : ": no submit_sm_resp for " + what + " within " + settings.responseTimeoutMs() + " ms"), true);
        } catch (InvalidResponseException | IOException e) {
            throw new CarrierException("carrier " + id() + ": link failed sending " + what + ": " + e.getMessage(), true);
        } catch (PDUException e) {
            throw new CarrierException("carrier " + id() + ": invalid submit_sm for " + what + ": " + e.getMessage(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CarrierException("interrupted while waiting for the rate limit", true);
        } finally {
            window.release();
        }
    }

    /** E.164 "+33612345678" to the digits SMPP wants with TON international. */
    private static String destination(String e164) throws CarrierException {
        if (e164 == null) {
            throw new CarrierException("no destination number", false);
        }
        String digits = e164.startsWith("+") ? e164.substring(1) : e164;
        if (!DIGITS.matcher(digits).matches()) {
            throw new CarrierException("not an E.164 number: " + e164, false);
        }
        return digits;
    }

    /** Sender address as E.164 with '+'; alphanumeric senders are kept as they are. */
    static String normalizeSender(String address, byte ton) {
        if (address == null) {
            return null;
        }
        String a = address.trim();
        if (ton == TypeOfNumber.ALPHANUMERIC.value() || !NUMBER.matcher(a).matches()) {
            return a;
        }
        if (a.startsWith("+")) {
            return a;
        }
        if (a.startsWith("00") && ton != TypeOfNumber.INTERNATIONAL.value()) {
            return "+" + a.substring(2);
        }
        return "+" + a;
    }

    // ---------------------------------------------------------------- the session's life

    private void supervise() {
        long backoff = settings.reconnectMinMs();
        while (!closed) {
            SMPPSession current = session;
            if (current != null && current.getSessionState() == SessionState.UNBOUND) {
                // the SMSC unbound us without closing the connection
                current.close();
            }
            if (current == null || current.getSessionState() == SessionState.CLOSED) {
                session = null;
                try {
                    SMPPSession fresh = bind();
                    if (closed) {
                        fresh.unbindAndClose();
                        return;
                    }
                    session = fresh;
                    binds.incrementAndGet();
                    backoff = settings.reconnectMinMs();
                    LOG.info("carrier {}: bound to {}:{} as {}", id(), settings.host(), settings.port(), settings.systemId());
                } catch (IOException | RuntimeException e) {
                    lastFailure = e.getMessage() != null ? e.getMessage() : e.toString();
                    LOG.warn("carrier {}: cannot bind to {}:{} ({}), next try in {} ms", id(), settings.host(),
                            settings.port(), e.getMessage(), backoff);
                    pause(backoff);
                    backoff = Math.min(settings.reconnectMaxMs(), backoff * 2);
                    continue;
                }
            }
            relay.flush();
            pause(1000);
        }
    }

    private SMPPSession bind() throws IOException {
        SMPPSession fresh = new SMPPSession(new SynchronizedPDUSender(new DefaultPDUSender(new DefaultComposer())),
                new GuardedPduReader(), new NoDelayConnectionFactory(settings.connectTimeoutMs()));
        fresh.setEnquireLinkTimer(settings.enquireLinkMs());
        fresh.setTransactionTimer(settings.responseTimeoutMs());
        // receipts arrive at the rate of sends: room for a full window of them and more
        fresh.setQueueCapacity(Math.max(100, settings.window() * 4));
        fresh.setMessageReceiverListener(listener);
        fresh.addSessionStateListener((newState, oldState, source) -> {
            if (newState == SessionState.CLOSED || newState == SessionState.UNBOUND) {
                if (!closed && (oldState.isBound() || oldState == SessionState.UNBOUND)) {
                    lastFailure = "link closed";
                    LOG.warn("carrier {}: SMPP session {} {} (was {})", id(), source.getSessionId(),
                            newState == SessionState.CLOSED ? "closed" : "unbound", oldState);
                }
                if (newState == SessionState.CLOSED) {
                    abandonCallsOn(source);
                }
                wake();
            }
        });
        fresh.connectAndBind(settings.host(), settings.port(), new BindParameter(BindType.BIND_TRX,
                settings.systemId(), settings.password(), settings.systemType(), TypeOfNumber.UNKNOWN,
                NumberingPlanIndicator.UNKNOWN, null), settings.responseTimeoutMs());
        return fresh;
    }

    /**
     * jSMPP does not fail the requests of a closed session: they wait out the response timeout. Their
     * threads are woken now, so the outbox hears "retry" at once instead of stalling.
     */
    private void abandonCallsOn(Session closedSession) {
        for (InFlight call : inFlight) {
            if (call.session == closedSession) {
                call.abandon();
            }
        }
    }

    /** A thread waiting for a submit_sm_resp on a session. */
    private static final class InFlight {
        final Thread thread;
        final Session session;
        private boolean finished;
        private boolean interrupted;

        InFlight(Thread thread, Session session) {
            this.thread = thread;
            this.session = session;
        }

        synchronized void abandon() {
            if (!finished && !thread.isInterrupted()) {
                interrupted = true;
                thread.interrupt();
            }
        }

        /** Called by the waiting thread itself: clears the interrupt this class caused, never another. */
        synchronized void finish() {
            finished = true;
            if (interrupted) {
                Thread.interrupted();
            }
        }
    }

    private void pause(long millis) {
        synchronized (signal) {
            if (closed) {
                return;
            }
            SMPPSession s = session;
            if (s != null && !s.getSessionState().isBound()) {
                return;
            }
            try {
                signal.wait(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closed = true;
            }
        }
    }

    private void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    /** Unbinds and stops reconnecting; sends fail (retryable) from now on. */
    @Override
    public void close() {
        closed = true;
        wake();
        try {
            supervisor.join(settings.responseTimeoutMs() + settings.connectTimeoutMs() + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        SMPPSession s = session;
        session = null;
        if (s != null) {
            if (s.getSessionState().isBound()) {
                s.unbindAndClose();
            } else {
                s.close();
            }
        }
    }

    // ---------------------------------------------------------------- what the SMSC sends

    private void onDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
        byte esm = deliverSm.getEsmClass();
        if (MessageType.SMSC_DEL_RECEIPT.containedIn(esm)) {
            onReceipt(deliverSm);
        } else if (MessageType.INTER_DEL_NOTIF.containedIn(esm) || MessageType.SME_DEL_ACK.containedIn(esm)
                || MessageType.SME_MAN_ACK.containedIn(esm)) {
            LOG.debug("carrier {}: ignored deliver_sm with esm_class 0x{}", id(), Integer.toHexString(esm & 0xFF));
        } else {
            onMobileOriginated(deliverSm);
        }
    }

    private void onReceipt(DeliverSm deliverSm) {
        DeliveryReceipt receipt = null;
        try {
            receipt = deliverSm.getShortMessageAsDeliveryReceipt();
        } catch (InvalidDeliveryReceiptException e) {
            LOG.debug("carrier {}: receipt text not parsed: {}", id(), e.getMessage());
        }
        OptionalParameter.Receipted_message_id tlvId = deliverSm.getOptionalParameter(OptionalParameter.Receipted_message_id.class);
        String smscId = tlvId != null ? tlvId.getValueAsString() : receipt != null ? receipt.getId() : null;
        DeliveryReceiptState state = receipt != null ? receipt.getFinalStatus() : null;
        OptionalParameter.Message_state tlvState = deliverSm.getOptionalParameter(OptionalParameter.Message_state.class);
        if (tlvState != null) {
            state = stateOf(tlvState.getValue(), state);
        }
        if (smscId == null || state == null) {
            LOG.warn("carrier {}: unreadable delivery receipt ignored", id());
            return;
        }
        if (state == DeliveryReceiptState.ENROUTE || state == DeliveryReceiptState.ACCEPTD) {
            return;
        }
        String error = receipt != null ? receipt.getError() : null;
        String detail = state.name() + (error == null || error.isBlank() || NO_ERROR.matcher(error).matches() ? "" : " err " + error);
        DeliveryReport report = book.receipt(smscId.trim(), new ReceiptBook.PartOutcome(state == DeliveryReceiptState.DELIVRD,
                detail, clock.get()));
        if (report != null) {
            relay.relay(report);
        }
    }

    private static DeliveryReceiptState stateOf(byte messageState, DeliveryReceiptState fallback) {
        return switch (messageState) {
            case 1 -> DeliveryReceiptState.ENROUTE;
            case 2 -> DeliveryReceiptState.DELIVRD;
            case 3 -> DeliveryReceiptState.EXPIRED;
            case 4 -> DeliveryReceiptState.DELETED;
            case 5 -> DeliveryReceiptState.UNDELIV;
            case 6 -> DeliveryReceiptState.ACCEPTD;
            case 7 -> DeliveryReceiptState.UNKNOWN;
            case 8 -> DeliveryReceiptState.REJECTD;
            default -> fallback;
        };
    }

    private void onMobileOriginated(DeliverSm deliverSm) throws ProcessRequestException {
        byte[] userData = deliverSm.getShortMessage();
        if (userData == null || userData.length == 0) {
            OptionalParameter.Message_payload payload = deliverSm.getOptionalParameter(OptionalParameter.Message_payload.class);
            userData = payload != null ? payload.getValue() : new byte[0];
        }
        UserDataHeader udh;
        try {
            udh = hasUserDataHeader(deliverSm.getEsmClass()) ? UserDataHeader.parse(userData)
                    : UserDataHeader.none(userData);
        } catch (IllegalArgumentException e) {
            LOG.warn("carrier {}: deliver_sm with a broken user data header refused: {}", id(), e.getMessage());
            throw new ProcessRequestException(e.getMessage(), SMPPConstant.STAT_ESME_RINVMSGLEN);
        }
        String from = normalizeSender(deliverSm.getSourceAddr(), deliverSm.getSourceAddrTon());
        Instant now = clock.get();
        byte[] whole = reassembler.add(from, udh, now);
        if (whole == null) {
            return;
        }
        boolean binary = udh.destPort() >= 0 || SmsEncoder.isBinary(deliverSm.getDataCoding())
                || deliverSm.getOptionalParameter(OptionalParameter.Destination_port.class) != null;
        InboundSms sms = binary ? new InboundSms(id(), from, whole, null, now)
                : new InboundSms(id(), from, null, SmsEncoder.decodeText(deliverSm.getDataCoding(), whole), now);
        relay.relay(sms);
    }

    /** The UDHI bit of esm_class (3GPP TS 23.040 TP-UDHI, SMPP 3.4 5.2.12). */
    private static boolean hasUserDataHeader(byte esmClass) {
        return (esmClass & SmsEncoder.ESM_UDHI) != 0;
    }

    private final class Listener implements MessageReceiverListener {
        @Override
        public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
            onDeliverSm(deliverSm);
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alertNotification) {
            LOG.debug("carrier {}: alert_notification ignored", id());
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }
}
