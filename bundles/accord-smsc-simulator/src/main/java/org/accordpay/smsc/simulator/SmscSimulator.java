package org.accordpay.smsc.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.PDUStringException;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RawDataCoding;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.ServerResponseDeliveryAdapter;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.SocketConnection;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;

/**
 * An SMPP 3.4 SMSC simulator on jSMPP's server session, listening on 127.0.0.1. It accepts transceiver
 * binds, answers submit_sm with message ids (or with the refusals queued by {@link #answerNext}), and
 * sends delivery receipts like a store-and-forward SMSC: a receipt that cannot go out because the link is
 * down goes out on the next bound session. It can also answer slowly, cut its connections, write
 * garbage, and send mobile-originated messages; {@link SubmitListener}s see every accepted submit_sm, so
 * a test can put simulated handsets behind it.
 *
 * <p>The simulator starts listening in its constructor and stops in {@link #close()}. It is thread safe.
 */
public final class SmscSimulator implements AutoCloseable {

    /** Octets of user data in one SMS (3GPP TS 23.040). */
    private static final int MAX_OCTETS = 140;
    private static final int STAT_ESME_RINVCMDID = 0x03;

    private final int port;
    private final BlockingQueue<SubmitSm> submits = new LinkedBlockingQueue<>();
    private final AtomicInteger binds = new AtomicInteger();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong receiptsSent = new AtomicLong();
    private final AtomicLong receiptsRefused = new AtomicLong();
    private final ConcurrentLinkedDeque<Integer> answers = new ConcurrentLinkedDeque<>();
    private final List<SubmitListener> submitListeners = new CopyOnWriteArrayList<>();
    private final SMPPServerSessionListener listener;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final LinkedBlockingDeque<byte[]> pendingReceipts = new LinkedBlockingDeque<>();
    private final AtomicInteger ids = new AtomicInteger(1000);
    private final AtomicInteger references = new AtomicInteger();
    private final Thread acceptor;
    private final List<Thread> receiptSenders = new ArrayList<>();
    private volatile boolean receipts = true;
    private volatile boolean keepSubmits = true;
    private volatile DeliveryReceiptState receiptState = DeliveryReceiptState.DELIVRD;
    private volatile long submitDelayMs;
    private volatile ReceiptTail receiptTail;
    private volatile boolean closed;

    /**
     * Starts an SMSC on 127.0.0.1 that sends its receipts from one thread, in order.
     *
     * @param port TCP port to listen on (see {@link #freePort()})
     * @throws IOException when the port cannot be bound
     */
    public SmscSimulator(int port) throws IOException {
        this(port, 1);
    }

    /**
     * Starts an SMSC on 127.0.0.1.
     *
     * @param port           TCP port to listen on (see {@link #freePort()})
     * @param receiptSenders threads sending delivery receipts; each waits for the deliver_sm_resp of its
     *                       receipt, so more than one raises the receipt rate but no longer keeps receipts
     *                       in submit order
     * @throws IOException when the port cannot be bound
     */
    public SmscSimulator(int port, int receiptSenders) throws IOException {
        if (receiptSenders < 1) {
            throw new IllegalArgumentException("receiptSenders must be positive");
        }
        this.port = port;
        this.listener = new SMPPServerSessionListener(port, new Factory());
        // a full PDU queue makes jSMPP answer ESME_RTHROTTLED: only refusals queued by a test should do that
        listener.setQueueCapacity(10_000);
        listener.setMessageReceiverListener(new Receiver());
        listener.setResponseDeliveryListener(new ServerResponseDeliveryAdapter() {
            @Override
            public void onSubmitSmRespSent(SubmitSmResult result, SMPPServerSession source) {
                if (receipts) {
                    String text = "id:" + result.getMessageId() + receiptTail(receiptState);
                    pendingReceipts.add(text.getBytes(StandardCharsets.US_ASCII));
                }
            }
        });
        this.acceptor = new Thread(this::accept, "smsc-simulator-accept-" + port);
        this.acceptor.setDaemon(true);
        this.acceptor.start();
        for (int i = 0; i < receiptSenders; i++) {
            Thread sender = new Thread(this::sendReceipts, "smsc-simulator-receipts-" + port + "-" + i);
            sender.setDaemon(true);
            sender.start();
            this.receiptSenders.add(sender);
        }
    }

    /**
     * @return the receipt text after its id, as jSMPP formats it (SMPP 3.4 Appendix B), kept for the minute
     *         its dates show: formatting them for every receipt was the simulator's largest CPU cost
     */
    private String receiptTail(DeliveryReceiptState state) {
        long minute = System.currentTimeMillis() / 60_000;
        ReceiptTail tail = this.receiptTail;
        if (tail == null || tail.minute != minute || tail.state != state) {
            boolean delivered = state == DeliveryReceiptState.DELIVRD;
            Date now = new Date(minute * 60_000);
            String text = new DeliveryReceipt("0", 1, delivered ? 1 : 0, now, now, state, delivered ? "000" : "001", "")
                    .toString();
            tail = new ReceiptTail(minute, state, text.substring(text.indexOf(" sub:")));
            this.receiptTail = tail;
        }
        return tail.text;
    }

    private record ReceiptTail(long minute, DeliveryReceiptState state, String text) {
    }

    /**
     * @return a TCP port that was free a moment ago
     * @throws IOException when no port can be opened
     */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** @return the TCP port this SMSC listens on */
    public int port() {
        return port;
    }

    /** @return how many binds this SMSC accepted since it started */
    public int binds() {
        return binds.get();
    }

    /** @return how many submit_sm this SMSC accepted since it started */
    public long accepted() {
        return accepted.get();
    }

    /** @return how many delivery receipts the ESME acknowledged since this SMSC started */
    public long receiptsSent() {
        return receiptsSent.get();
    }

    /**
     * @return how many times the ESME refused a delivery receipt or did not answer it (each is sent again,
     *         20 ms later: an ESME whose queue is full answers ESME_RTHROTTLED)
     */
    public long receiptsRefused() {
        return receiptsRefused.get();
    }

    /** @return delivery receipts waiting to go out (the link is down, or the ESME is slower than the SMSC) */
    public int receiptsWaiting() {
        return pendingReceipts.size();
    }

    /**
     * Queues the command_status for the next submit_sm not yet answered by an earlier queued value: 0
     * accepts it, anything else refuses it (for example {@code SMPPConstant.STAT_ESME_RTHROTTLED}).
     * Submits beyond the queue are accepted.
     *
     * @param commandStatus SMPP 3.4 command_status (5.1.3)
     */
    public void answerNext(int commandStatus) {
        answers.add(commandStatus);
    }

    /** @param on whether accepted submits get a delivery receipt (default true) */
    public void receipts(boolean on) {
        this.receipts = on;
    }

    /** @param state final state of the receipts sent from now on (default DELIVRD; others carry err 001) */
    public void receiptState(DeliveryReceiptState state) {
        this.receiptState = Objects.requireNonNull(state);
    }

    /** @param millis how long each submit_sm waits before it is answered (default 0) */
    public void submitDelay(long millis) {
        this.submitDelayMs = millis;
    }

    /**
     * @param keep whether accepted submits are kept for {@link #nextSubmit()} and {@link #pollSubmit}
     *             (default true; a benchmark turns it off so memory does not grow)
     */
    public void keepSubmits(boolean keep) {
        this.keepSubmits = keep;
        if (!keep) {
            submits.clear();
        }
    }

    /** @param submitListener told of every submit_sm accepted from now on */
    public void addSubmitListener(SubmitListener submitListener) {
        submitListeners.add(Objects.requireNonNull(submitListener));
    }

    /** @param submitListener no longer told */
    public void removeSubmitListener(SubmitListener submitListener) {
        submitListeners.remove(submitListener);
    }

    /**
     * @return the next accepted submit_sm, in arrival order, waiting up to 5 s
     * @throws AssertionError when none came within 5 s
     * @throws InterruptedException when interrupted while waiting
     */
    public SubmitSm nextSubmit() throws InterruptedException {
        SubmitSm s = submits.poll(5, TimeUnit.SECONDS);
        if (s == null) {
            throw new AssertionError("no submit_sm within 5 s");
        }
        return s;
    }

    /**
     * @param timeout how long to wait
     * @param unit    its unit
     * @return the next accepted submit_sm, or null when none came in time
     * @throws InterruptedException when interrupted while waiting
     */
    public SubmitSm pollSubmit(long timeout, TimeUnit unit) throws InterruptedException {
        return submits.poll(timeout, unit);
    }

    /**
     * @return a bound session, waiting up to 5 s for one
     * @throws AssertionError when no ESME is bound within 5 s
     * @throws InterruptedException when interrupted while waiting
     */
    public SMPPServerSession session() throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < end) {
            SMPPServerSession s = boundSession();
            if (s != null) {
                return s;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no bound ESME within 5 s");
    }

    private SMPPServerSession boundSession() {
        for (SMPPServerSession s : sessions) {
            if (s.getSessionState().isBound()) {
                return s;
            }
            if (s.getSessionState() == SessionState.CLOSED) {
                sessions.remove(s);
            }
        }
        return null;
    }

    /**
     * Sends a deliver_sm (a receipt or a mobile-originated message) on the bound session, from an
     * international number to "Accord", and waits for its deliver_sm_resp.
     *
     * @param esmClass     esm_class, e.g. {@code new ESMClass(0x40)} for user data with a header
     * @param from         originating number, digits of an international number ("33612345678")
     * @param dataCoding   data_coding (0 GSM default alphabet, 8 UCS-2, 0xF5 8-bit data class 1)
     * @param shortMessage user data, with its header when esmClass says so
     * @throws Exception when there is no bound ESME within 5 s, or the ESME refused or did not answer
     */
    public void deliver(ESMClass esmClass, String from, byte dataCoding, byte[] shortMessage) throws Exception {
        deliver(session(), esmClass, from, dataCoding, shortMessage);
    }

    private static void deliver(SMPPServerSession session, ESMClass esmClass, String from, byte dataCoding,
            byte[] shortMessage) throws Exception {
        session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, from,
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "Accord", esmClass, (byte) 0, (byte) 0,
                new RegisteredDelivery(0), new RawDataCoding(dataCoding), shortMessage);
    }

    /**
     * Sends a mobile-originated text: ASCII letters, digits and the punctuation the GSM default alphabet
     * encodes as ASCII does as data_coding 0 (unpacked septets), anything else as UCS-2; a text longer than
     * one SMS goes as concatenated parts with an 8-bit reference (3GPP TS 23.040 9.2.3.24.1).
     *
     * @param from originating number, digits of an international number
     * @param text the text
     * @throws Exception as {@link #deliver}
     */
    public void deliverText(String from, String text) throws Exception {
        boolean gsm = text.chars().allMatch(c -> c >= 0x20 && c < 0x7F && "@$_`[]{}\\^~|".indexOf(c) < 0);
        byte dataCoding = gsm ? (byte) 0 : (byte) 8;
        byte[] data = gsm ? text.getBytes(StandardCharsets.US_ASCII) : text.getBytes(StandardCharsets.UTF_16BE);
        int single = gsm ? 160 : MAX_OCTETS;
        if (data.length <= single) {
            deliver(new ESMClass(0), from, dataCoding, data);
            return;
        }
        int per = gsm ? 153 : 134;
        deliverParts(from, dataCoding, new byte[0], data, per);
    }

    /**
     * Sends a mobile-originated 8-bit message (data_coding 0xF5) to an application port, with a 16-bit
     * port header (3GPP TS 23.040 9.2.3.24.4), in concatenated parts when it does not fit one SMS.
     *
     * @param from       originating number, digits of an international number
     * @param destPort   destination application port
     * @param sourcePort originator application port
     * @param data       the payload
     * @throws Exception as {@link #deliver}
     */
    public void deliverBinary(String from, int destPort, int sourcePort, byte[] data) throws Exception {
        byte[] ports = {0x05, 4, (byte) (destPort >> 8), (byte) destPort, (byte) (sourcePort >> 8), (byte) sourcePort};
        if (data.length <= MAX_OCTETS - 1 - ports.length) {
            ByteArrayOutputStream one = new ByteArrayOutputStream();
            one.write(ports.length);
            one.writeBytes(ports);
            one.writeBytes(data);
            deliver(new ESMClass(0x40), from, (byte) 0xF5, one.toByteArray());
            return;
        }
        deliverParts(from, (byte) 0xF5, ports, data, MAX_OCTETS - 1 - ports.length - 5);
    }

    private void deliverParts(String from, byte dataCoding, byte[] elements, byte[] data, int per) throws Exception {
        int total = (data.length + per - 1) / per;
        if (total > 255) {
            throw new IllegalArgumentException("message needs " + total + " parts, at most 255");
        }
        int ref = references.getAndIncrement() & 0xFF;
        for (int i = 0; i < total; i++) {
            ByteArrayOutputStream part = new ByteArrayOutputStream();
            part.write(elements.length + 5);
            part.writeBytes(elements);
            part.writeBytes(new byte[] {0x00, 3, (byte) ref, (byte) total, (byte) (i + 1)});
            part.write(data, i * per, Math.min(per, data.length - i * per));
            deliver(new ESMClass(0x40), from, dataCoding, part.toByteArray());
        }
    }

    /**
     * Writes bytes that are not SMPP on every open connection.
     *
     * @throws AssertionError when there was no open connection
     */
    public void sendGarbage() {
        byte[] garbage = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        int written = 0;
        for (Socket socket : sockets) {
            try {
                // one write: the ESME may drop the link (and the server session close this socket) right after it
                socket.getOutputStream().write(garbage);
                written++;
            } catch (IOException e) {
                sockets.remove(socket);
            }
        }
        if (written == 0) {
            throw new AssertionError("no open connection to write garbage on");
        }
    }

    /**
     * Cuts every connection without an unbind, like a crashed SMSC or a broken link; keeps listening.
     *
     * @throws IOException when a socket fails to close
     */
    public void dropConnections() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
            sockets.remove(socket);
        }
    }

    /** Stops listening and cuts every connection; receipts not sent yet are lost. */
    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        dropConnections();
        for (SMPPServerSession s : sessions) {
            s.close();
        }
        for (Thread sender : receiptSenders) {
            sender.interrupt();
        }
    }

    private void accept() {
        while (!closed) {
            try {
                SMPPServerSession session = listener.accept();
                Thread binder = new Thread(() -> bind(session), "smsc-simulator-bind-" + port);
                binder.setDaemon(true);
                binder.start();
            } catch (IOException e) {
                if (!closed) {
                    sleep(10);
                }
            }
        }
    }

    private void bind(SMPPServerSession session) {
        try {
            BindRequest request = session.waitForBind(5000);
            request.accept("accord-smsc"); // system_id: at most 15 octets (SMPP 3.4 4.1.2)
            session.setEnquireLinkTimer(60_000);
            sessions.add(session);
            binds.incrementAndGet();
        } catch (Exception e) {
            session.close();
        }
    }

    private void sendReceipts() {
        ESMClass receiptClass = new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT);
        while (!closed) {
            byte[] receipt;
            try {
                receipt = pendingReceipts.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (receipt == null) {
                continue;
            }
            SMPPServerSession session = boundSession();
            if (session == null) {
                // store and forward: the receipt waits for the next bound session, however long the link is down
                pendingReceipts.addFirst(receipt);
                sleep(20);
                continue;
            }
            try {
                deliver(session, receiptClass, "33612345678", (byte) 0, receipt);
                receiptsSent.incrementAndGet();
            } catch (Exception e) {
                receiptsRefused.incrementAndGet();
                pendingReceipts.addFirst(receipt);
                sleep(20);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Receiver implements ServerMessageReceiverListener {
        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source) throws ProcessRequestException {
            long delay = submitDelayMs;
            if (delay > 0) {
                sleep(delay);
            }
            Integer answer = answers.poll();
            if (answer != null && answer != 0) {
                throw new ProcessRequestException("refused by the simulator's script", answer);
            }
            String messageId = Integer.toHexString(ids.incrementAndGet());
            accepted.incrementAndGet();
            if (keepSubmits) {
                submits.add(submitSm);
            }
            for (SubmitListener l : submitListeners) {
                try {
                    l.submitted(submitSm, messageId);
                } catch (RuntimeException e) {
                    // a handset's failure is not the SMSC's: the submit stays accepted
                }
            }
            try {
                return new SubmitSmResult(new MessageId(messageId), null);
            } catch (PDUStringException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", STAT_ESME_RINVCMDID);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", STAT_ESME_RINVCMDID);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", STAT_ESME_RINVCMDID);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", STAT_ESME_RINVCMDID);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", STAT_ESME_RINVCMDID);
        }
    }

    /** Server sockets with SO_REUSEADDR (restarts on the same port) and TCP_NODELAY, keeping each connection's socket. */
    private final class Factory implements ServerConnectionFactory {
        @Override
        public ServerConnection listen(int p) throws IOException {
            return listen(p, 0, 50);
        }

        @Override
        public ServerConnection listen(int p, int timeout) throws IOException {
            return listen(p, timeout, 50);
        }

        @Override
        public ServerConnection listen(int p, int timeout, int backlog) throws IOException {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress("127.0.0.1", p), backlog);
            server.setSoTimeout(timeout);
            return new ServerConnection() {
                @Override
                public void setSoTimeout(int t) throws IOException {
                    server.setSoTimeout(t);
                }

                @Override
                public int getSoTimeout() throws IOException {
                    return server.getSoTimeout();
                }

                @Override
                public Connection accept() throws IOException {
                    Socket socket = server.accept();
                    socket.setTcpNoDelay(true);
                    sockets.add(socket);
                    return new SocketConnection(socket);
                }

                @Override
                public void close() throws IOException {
                    server.close();
                }
            };
        }
    }
}
