package org.accordpay.carrier.smpp.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * An SMSC simulator on jSMPP's server side: accepts transceiver binds, answers submit_sm with message ids
 * (or with the refusals a test queues), and sends delivery receipts like a store-and-forward SMSC: a
 * receipt that cannot go out because the link is down goes out on the next bound session.
 */
final class TestSmsc implements AutoCloseable {

    final int port;
    final BlockingQueue<SubmitSm> submits = new LinkedBlockingQueue<>();
    final AtomicInteger binds = new AtomicInteger();
    /** command_status values to answer the next submit_sm with, first first (0: accept). */
    final ConcurrentLinkedDeque<Integer> refusals = new ConcurrentLinkedDeque<>();
    volatile boolean receipts = true;
    volatile DeliveryReceiptState receiptState = DeliveryReceiptState.DELIVRD;
    volatile long submitDelayMs;

    private final SMPPServerSessionListener listener;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final LinkedBlockingDeque<byte[]> pendingReceipts = new LinkedBlockingDeque<>();
    private final AtomicInteger ids = new AtomicInteger(1000);
    private final Thread acceptor;
    private final Thread receiptSender;
    private volatile boolean closed;

    TestSmsc(int port) throws IOException {
        this.port = port;
        this.listener = new SMPPServerSessionListener(port, new Factory());
        listener.setMessageReceiverListener(new Receiver());
        listener.setResponseDeliveryListener(new ServerResponseDeliveryAdapter() {
            @Override
            public void onSubmitSmRespSent(SubmitSmResult result, SMPPServerSession source) {
                if (receipts) {
                    DeliveryReceipt receipt = new DeliveryReceipt(result.getMessageId(), 1,
                            receiptState == DeliveryReceiptState.DELIVRD ? 1 : 0, new Date(), new Date(), receiptState,
                            receiptState == DeliveryReceiptState.DELIVRD ? "000" : "001", "");
                    pendingReceipts.add(receipt.toString().getBytes(StandardCharsets.US_ASCII));
                }
            }
        });
        this.acceptor = new Thread(this::accept, "test-smsc-accept-" + port);
        this.acceptor.setDaemon(true);
        this.acceptor.start();
        this.receiptSender = new Thread(this::sendReceipts, "test-smsc-receipts-" + port);
        this.receiptSender.setDaemon(true);
        this.receiptSender.start();
    }

    /** @return a free local port */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private void accept() {
        while (!closed) {
            try {
                SMPPServerSession session = listener.accept();
                Thread binder = new Thread(() -> bind(session), "test-smsc-bind");
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
            request.accept("test-smsc");
            session.setEnquireLinkTimer(60_000);
            sessions.add(session);
            binds.incrementAndGet();
        } catch (Exception e) {
            session.close();
        }
    }

    private void sendReceipts() {
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
            try {
                deliver(new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                        "33612345678", (byte) 0, receipt);
            } catch (Exception e) {
                pendingReceipts.addFirst(receipt);
                sleep(20);
            }
        }
    }

    /** @return the bound session, waiting up to 5 s for one */
    SMPPServerSession session() throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < end) {
            for (SMPPServerSession s : sessions) {
                if (s.getSessionState().isBound()) {
                    return s;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no bound ESME within 5 s");
    }

    /** Sends a deliver_sm (a receipt or a mobile-originated message) on the bound session. */
    void deliver(ESMClass esmClass, String from, byte dataCoding, byte[] shortMessage) throws Exception {
        session().deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, from,
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "Accord", esmClass, (byte) 0, (byte) 0,
                new RegisteredDelivery(0), new RawDataCoding(dataCoding), shortMessage);
    }

    /** @return the next submit_sm, waiting up to 5 s */
    SubmitSm nextSubmit() throws InterruptedException {
        SubmitSm s = submits.poll(5, TimeUnit.SECONDS);
        if (s == null) {
            throw new AssertionError("no submit_sm within 5 s");
        }
        return s;
    }

    /** Writes bytes that are not SMPP on every open connection; fails when there was none. */
    void sendGarbage() {
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

    /** Cuts every connection without an unbind, like a crashed SMSC or a broken link. */
    void dropConnections() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
            sockets.remove(socket);
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        dropConnections();
        for (SMPPServerSession s : sessions) {
            s.close();
        }
        receiptSender.interrupt();
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
            if (submitDelayMs > 0) {
                sleep(submitDelayMs);
            }
            Integer refusal = refusals.poll();
            if (refusal != null && refusal != 0) {
                throw new ProcessRequestException("refused by the test", refusal);
            }
            submits.add(submitSm);
            try {
                return new SubmitSmResult(new MessageId(Integer.toHexString(ids.incrementAndGet())), null);
            } catch (PDUStringException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
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
