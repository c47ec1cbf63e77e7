package org.accordpay.itests.support;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.accordpay.carrier.loopback.SimulatedHandsets;
import org.accordpay.smsc.simulator.SmscSimulator;
import org.jsmpp.bean.SubmitSm;

/**
 * The loopback carrier's simulated handsets put behind a test SMSC: a binary message (a challenge,
 * possibly in concatenated parts) submitted to the SMSC reaches the handset, and its answer goes back
 * as a mobile-originated message through the SMSC, which waits for a bound session (store and
 * forward) as long as the carrier connection is away.
 */
public final class SmscHandsets implements AutoCloseable {

    private static final int HANDSET_PORT = 16707;
    private static final long ANSWER_PATIENCE_MS = 120_000;

    private final Handsets handsets;
    private final SmscSimulator smsc;
    private final ExecutorService answers = Executors.newSingleThreadExecutor();
    private final Map<String, ByteArrayOutputStream> parts = new HashMap<>();
    private final AtomicLong challenges = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();

    /** Starts a test SMSC on a free port with the handsets behind it. */
    public SmscHandsets(SimulatedHandsets handsets) throws Exception {
        this((phone, messageId, challenge) -> handsets.receiveElsewhere(phone, messageId, null, challenge));
    }

    /** Starts a test SMSC on a free port with handsets reached some other way (another process's) behind it. */
    public SmscHandsets(Handsets handsets) throws Exception {
        this.handsets = handsets;
        this.smsc = new SmscSimulator(SmscSimulator.freePort());
        smsc.addSubmitListener(this::submitted);
    }

    /** @return the SMSC's port on 127.0.0.1 */
    public int port() {
        return smsc.port();
    }

    /** @return challenges that reached a handset through the SMSC */
    public long challenges() {
        return challenges.get();
    }

    /** @return answers the SMSC delivered to Accord */
    public long answered() {
        return answered.get();
    }

    private void submitted(SubmitSm submit, String smscId) {
        byte[] sm = submit.getShortMessage();
        if ((submit.getEsmClass() & 0x40) == 0 || sm == null || sm.length == 0) {
            return; // text only: the handset shows it, nothing to answer
        }
        int udhl = sm[0] & 0xFF;
        int port = -1;
        int ref = -1;
        int total = 1;
        int seq = 1;
        for (int i = 1; i < 1 + udhl; ) {
            int iei = sm[i] & 0xFF;
            int len = sm[i + 1] & 0xFF;
            if (iei == 0x05) {
                port = ((sm[i + 2] & 0xFF) << 8) | (sm[i + 3] & 0xFF);
            } else if (iei == 0x00) {
                ref = sm[i + 2] & 0xFF;
                total = sm[i + 3] & 0xFF;
                seq = sm[i + 4] & 0xFF;
            } else if (iei == 0x08) {
                ref = ((sm[i + 2] & 0xFF) << 8) | (sm[i + 3] & 0xFF);
                total = sm[i + 4] & 0xFF;
                seq = sm[i + 5] & 0xFF;
            }
            i += 2 + len;
        }
        if (port != HANDSET_PORT) {
            return;
        }
        String phone = submit.getDestAddress().startsWith("+") ? submit.getDestAddress() : "+" + submit.getDestAddress();
        byte[] whole;
        synchronized (parts) {
            String key = phone + "/" + ref;
            ByteArrayOutputStream buffer = parts.computeIfAbsent(key, k -> new ByteArrayOutputStream());
            buffer.write(sm, 1 + udhl, sm.length - 1 - udhl);
            if (seq < total) {
                return;
            }
            parts.remove(key);
            whole = buffer.toByteArray();
        }
        challenges.incrementAndGet();
        answers.submit(() -> answer(phone, smscId, whole));
    }

    private void answer(String phone, String smscId, byte[] challenge) {
        byte[] response;
        try {
            response = handsets.answer(phone, "smsc-" + smscId, challenge).orElse(null);
        } catch (Exception e) {
            return; // the handset is unreachable: Accord sends the challenge again
        }
        if (response == null) {
            return; // the handset's policy does not answer at once
        }
        long deadline = System.currentTimeMillis() + ANSWER_PATIENCE_MS;
        while (System.currentTimeMillis() < deadline) {
            try {
                smsc.deliverBinary(phone, HANDSET_PORT, HANDSET_PORT, response);
                answered.incrementAndGet();
                return;
            } catch (Throwable noSession) {
                // the carrier connection is away: keep the answer, as an SMSC stores and forwards
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void close() throws Exception {
        answers.shutdownNow();
        answers.awaitTermination(5, TimeUnit.SECONDS);
        smsc.close();
    }

    /** The handsets behind the SMSC: a challenge in, the handset's answer out. */
    @FunctionalInterface
    public interface Handsets {

        /** @return the handset's answer to a challenge that came through the SMSC, when it answers at once */
        java.util.Optional<byte[]> answer(String phone, String messageId, byte[] challenge) throws Exception;
    }
}
