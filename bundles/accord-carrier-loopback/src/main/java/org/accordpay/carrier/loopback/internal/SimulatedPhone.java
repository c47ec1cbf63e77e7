package org.accordpay.carrier.loopback.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accordpay.api.carrier.dto.OutboundSms;
import org.accordpay.api.challenge.dto.Provisioning;
import org.accordpay.api.registry.CustomerRegistry;
import org.accordpay.api.registry.dto.EnrolmentState;
import org.accordpay.api.registry.dto.EnrolmentTicket;
import org.accordpay.carrier.loopback.HandsetPolicy;
import org.accordpay.carrier.loopback.InboxMessage;
import org.accordpay.carrier.loopback.PendingChallenge;
import org.accordpay.carrier.loopback.SimulatedHandset;
import org.accordpay.crypto.protocol.ProtocolException;
import org.accordpay.handset.Display;
import org.accordpay.handset.HandsetAgent;
import org.accordpay.handset.HandsetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulated handset: the reference agent's state file {@code <digits>.bin} plus
 * {@code <digits>.properties} (number, PIN, policy), its inbox and its counters. All methods are
 * serialised on the instance, because the agent is single-user.
 */
final class SimulatedPhone {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedPhone.class);

    /** A one-time code: 4 to 10 digits standing alone (not part of a number, date, time or amount). */
    static final Pattern ONE_TIME_CODE =
            Pattern.compile("(?<![0-9+]|[0-9][.,:/-])[0-9]{4,10}(?![0-9]|[.,:/-][0-9])");
    private static final int INBOX_SIZE = 100;
    private static final int REMEMBERED_MESSAGES = 1000;

    private final String phone;
    private final Path stateFile;
    private final Path settingsFile;
    private final Clock clock;
    private final HandsetAgent agent;
    private char[] pin;
    private HandsetPolicy policy;
    private final Deque<InboxMessage> inbox = new ArrayDeque<>();
    private final Set<String> usedForEnrolment = new HashSet<>();
    private final LinkedHashSet<String> recentMessageIds = new LinkedHashSet<>();
    private PendingChallenge pending;
    private long seen;
    private long answered;

    private SimulatedPhone(String phone, Path dir, Clock clock, HandsetAgent agent, char[] pin, HandsetPolicy policy) {
        this.phone = phone;
        this.stateFile = stateFile(dir, phone);
        this.settingsFile = settingsFile(dir, phone);
        this.clock = clock;
        this.agent = agent;
        this.pin = pin;
        this.policy = policy;
    }

    static Path stateFile(Path dir, String phone) {
        return dir.resolve(phone.substring(1) + ".bin");
    }

    static Path settingsFile(Path dir, String phone) {
        return dir.resolve(phone.substring(1) + ".properties");
    }

    /** Creates a handset with fresh device keys; fails if its files exist. */
    static SimulatedPhone create(Path dir, String phone, char[] pin, Clock clock) throws IOException {
        Files.createDirectories(dir);
        HandsetAgent agent = HandsetAgent.create(stateFile(dir, phone), clock);
        SimulatedPhone p = new SimulatedPhone(phone, dir, clock, agent, pin.clone(), HandsetPolicy.APPROVE);
        p.saveSettings();
        return p;
    }

    /** Loads a handset from its settings file and the agent's state file next to it. */
    static SimulatedPhone load(Path settings, Clock clock) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(settings, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        String phone = p.getProperty("phone");
        if (phone == null || !settings.getFileName().toString().equals(phone.substring(1) + ".properties")) {
            throw new IOException("not a handset settings file: " + settings);
        }
        Path dir = settings.getParent();
        HandsetAgent agent = HandsetAgent.load(stateFile(dir, phone), clock);
        return new SimulatedPhone(phone, dir, clock, agent, p.getProperty("pin", "").toCharArray(),
                HandsetPolicy.valueOf(p.getProperty("policy", HandsetPolicy.APPROVE.name())));
    }

    String phone() {
        return phone;
    }

    /**
     * Delivers one message: its text to the inbox, its binary part to the agent's screen; then acts
     * by the policy. A message id seen before is ignored (carrier retry).
     *
     * @return the response envelope to send to Accord, or null
     */
    synchronized byte[] receive(OutboundSms message) {
        if (!remember(message.messageId())) {
            LOG.debug("{}: message {} delivered again, ignored", phone, message.messageId());
            return null;
        }
        if (message.text() != null) {
            inbox.addLast(new InboxMessage(message.messageId(), message.text(), clock.instant()));
            while (inbox.size() > INBOX_SIZE) {
                inbox.removeFirst();
            }
            notifyAll();
        }
        if (message.binary() == null) {
            return null;
        }
        Optional<Display> shown;
        try {
            shown = agent.show(message.binary());
        } catch (ProtocolException e) {
            LOG.info("{}: challenge refused by the handset ({})", phone, e.refusal());
            return null;
        } catch (IOException e) {
            LOG.warn("{}: handset state not saved: {}", phone, e.toString());
            return null;
        }
        if (shown.isEmpty()) {
            LOG.debug("{}: challenge seen before, ignored", phone);
            return null;
        }
        seen++;
        Display d = shown.get();
        pending = new PendingChallenge(phone, d.amountMinor(), d.currency(), d.merchantName(), d.testMode(),
                Instant.ofEpochSecond(d.expiresAt()), d.text());
        return switch (policy) {
            case APPROVE -> respond(true, pin);
            case DECLINE -> respond(false, pin);
            case WRONG_PIN -> respond(true, wrongPin(pin));
            case IGNORE, MANUAL -> null;
        };
    }

    /** Answers the pending challenge (MANUAL) with the handset's PIN or another one. */
    synchronized byte[] answer(boolean approve, char[] pinOverride) {
        byte[] response = respond(approve, pinOverride == null ? pin : pinOverride);
        if (response == null) {
            throw new IllegalStateException(phone + ": no challenge to answer (none shown, or it expired)");
        }
        return response;
    }

    private byte[] respond(boolean approve, char[] withPin) {
        try {
            byte[] response = approve ? agent.approve(withPin) : agent.decline(withPin);
            answered++;
            return response;
        } catch (ProtocolException e) {
            LOG.info("{}: cannot answer ({})", phone, e.refusal());
            return null;
        } catch (HandsetException e) {
            LOG.info("{}: cannot answer ({})", phone, e.getMessage());
            return null;
        } catch (IOException e) {
            LOG.warn("{}: handset state not saved: {}", phone, e.toString());
            return null;
        } finally {
            pending = null;
        }
    }

    /**
     * The handset side of an enrolment: one-time code from the inbox (waiting up to
     * {@code codeWaitMillis}), phone confirmed, enrolment request, package installed under the PIN.
     */
    synchronized void enrol(CustomerRegistry registry, EnrolmentTicket ticket, long codeWaitMillis)
            throws InterruptedException {
        if (agent.enrolled()) {
            throw new IllegalStateException(phone + " is enrolled already");
        }
        EnrolmentTicket current = ticket;
        if (current.state() == EnrolmentState.CODE_SENT) {
            String code = awaitCode(codeWaitMillis, "otp-" + current.enrolmentId());
            current = registry.confirmPhone(current.enrolmentId(), code);
        }
        if (current.state() != EnrolmentState.PHONE_CONFIRMED) {
            throw new IllegalStateException("enrolment " + current.enrolmentId() + " is " + current.state());
        }
        Provisioning provisioning = registry.completeEnrolment(current.enrolmentId(),
                agent.enrolmentRequest(current.enrolmentNonce()));
        try {
            agent.enrol(provisioning.packageBytes(), pin);
        } catch (ProtocolException e) {
            throw new IllegalStateException(phone + ": provisioning package refused (" + e.refusal() + ")", e);
        } catch (HandsetException e) {
            throw new IllegalStateException(phone + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException(phone + ": handset state not saved: " + e.getMessage(), e);
        }
        LOG.info("{}: enrolled as customer {} ({} cells)", phone, provisioning.customerId(), agent.remainingCells());
    }

    /**
     * The code of this enrolment: the message Accord sent for it (its outbox row id is {@code otp-<enrolment>}),
     * else the newest code in the inbox not offered to an earlier enrolment; every message seen now is used up.
     * A code left over from an enrolment that failed before reading it is not taken for this one's.
     */
    private String awaitCode(long waitMillis, String messageId) throws InterruptedException {
        // a real-time wait for a simulated network, not business time: Accord's clock may stand still in tests
        long deadline = System.nanoTime() + waitMillis * 1_000_000L;
        while (true) {
            String code = null;
            boolean exact = false;
            for (InboxMessage m : inbox) {
                if (!usedForEnrolment.contains(m.messageId()) && !exact) {
                    Matcher matcher = ONE_TIME_CODE.matcher(m.text());
                    if (matcher.find()) {
                        code = matcher.group();
                        exact = m.messageId().equals(messageId);
                    }
                }
            }
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            // another network's message ids may differ: the newest code is taken when the wait is half over
            if (code != null && (exact || left < waitMillis / 2)) {
                inbox.forEach(m -> usedForEnrolment.add(m.messageId()));
                return code;
            }
            if (left <= 0) {
                throw new IllegalStateException("no one-time code reached " + phone + " within " + waitMillis
                        + " ms (is a carrier route to the loopback carrier in place?)");
            }
            wait(Math.max(1, Math.min(left, 100)));
        }
    }

    synchronized void policy(HandsetPolicy newPolicy) throws IOException {
        this.policy = newPolicy;
        saveSettings();
    }

    synchronized List<InboxMessage> inbox() {
        return List.copyOf(inbox);
    }

    synchronized Optional<PendingChallenge> pending() {
        if (pending != null && pending.expiresAt().isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.ofNullable(pending);
    }

    synchronized SimulatedHandset view() {
        return new SimulatedHandset(phone, policy, agent.enrolled(), agent.enrolled() ? agent.remainingCells() : 0,
                seen, answered, pending().isPresent());
    }

    synchronized long seen() {
        return seen;
    }

    synchronized long answered() {
        return answered;
    }

    private boolean remember(String messageId) {
        if (messageId == null) {
            return true;
        }
        if (!recentMessageIds.add(messageId)) {
            return false;
        }
        if (recentMessageIds.size() > REMEMBERED_MESSAGES) {
            String oldest = recentMessageIds.iterator().next();
            recentMessageIds.remove(oldest);
        }
        return true;
    }

    /** Another PIN of the same length: the last digit moved by one. */
    static char[] wrongPin(char[] pin) {
        char[] wrong = Arrays.copyOf(pin, pin.length);
        if (wrong.length > 0) {
            int last = wrong.length - 1;
            wrong[last] = (char) ('0' + (wrong[last] - '0' + 1) % 10);
        }
        return wrong;
    }

    /** The simulator keeps its PIN in clear: it stands for the customer's memory, never for Accord's data. */
    private void saveSettings() throws IOException {
        Properties p = new Properties();
        p.setProperty("phone", phone);
        p.setProperty("pin", new String(pin));
        p.setProperty("policy", policy.name());
        Path tmp = settingsFile.resolveSibling(settingsFile.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(out, "Accord simulated handset (loopback carrier); agent state in " + stateFile.getFileName());
        }
        Files.move(tmp, settingsFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public String toString() {
        return "SimulatedPhone[" + phone + ", " + policy + "]";
    }

    static List<Path> settingsFiles(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (var stream = Files.list(dir)) {
                stream.filter(f -> f.getFileName().toString().endsWith(".properties")).sorted().forEach(files::add);
            }
        }
        return files;
    }
}
