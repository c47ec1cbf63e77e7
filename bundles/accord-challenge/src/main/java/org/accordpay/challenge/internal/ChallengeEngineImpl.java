package org.accordpay.challenge.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.accordpay.api.challenge.ChallengeEngine;
import org.accordpay.api.challenge.ChallengeException;
import org.accordpay.api.challenge.KeyRotation;
import org.accordpay.api.challenge.dto.ChallengeRequest;
import org.accordpay.api.challenge.dto.ChallengeVerdict;
import org.accordpay.api.challenge.dto.CredentialStatus;
import org.accordpay.api.challenge.dto.IssuedChallenge;
import org.accordpay.api.challenge.dto.Outcome;
import org.accordpay.api.challenge.dto.Provisioning;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.store.AccordStore;
import org.accordpay.api.store.ConcurrentUpdateException;
import org.accordpay.api.store.StoreTransaction;
import org.accordpay.api.store.dto.ChallengeRecord;
import org.accordpay.api.store.dto.ChallengeState;
import org.accordpay.api.store.dto.OutboxMessage;
import org.accordpay.api.store.dto.CustomerCredential;
import org.accordpay.api.store.dto.PendingGeneration;
import org.accordpay.api.time.AccordClock;
import org.accordpay.crypto.ConstantTime;
import org.accordpay.crypto.IntegrityException;
import org.accordpay.crypto.KeyCustody;
import org.accordpay.crypto.Randomness;
import org.accordpay.crypto.SecretBytes;
import org.accordpay.crypto.protocol.Challenge;
import org.accordpay.crypto.protocol.Decision;
import org.accordpay.crypto.protocol.EnrolmentRequest;
import org.accordpay.crypto.protocol.Hex;
import org.accordpay.crypto.protocol.OpenResult;
import org.accordpay.crypto.protocol.Protocol;
import org.accordpay.crypto.protocol.ProtocolException;
import org.accordpay.crypto.protocol.ProvisioningPackage;
import org.accordpay.crypto.protocol.ReprovisionAck;
import org.accordpay.crypto.protocol.ReprovisionRequest;
import org.accordpay.crypto.protocol.ResponseEnvelope;
import org.accordpay.crypto.protocol.ServerProtocol;
import org.accordpay.crypto.protocol.SignedResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The challenge engine: enrolment, issue, verification and lock-out over the store. Every state
 * change is one store transaction taken with the customer's credential row locked, so a cell is
 * deleted, an attempt counted and a lock set exactly once, whatever runs concurrently.
 */
final class ChallengeEngineImpl implements ChallengeEngine, KeyRotation {

    private static final Logger LOG = LoggerFactory.getLogger(ChallengeEngineImpl.class);

    /** Outbox channel of text messages to a customer, addressed {@code customer:<id>}. */
    static final String NOTICE_CHANNEL = "sms";

    private final AccordStore store;
    private final AccordClock clock;
    private final KeyCustody custody;
    private final TableVault vault;
    private final ChallengePolicy policy;
    private final Runnable rotateCustody;

    /**
     * @param rotateCustody adds a KEK version to {@code custody} (the custody's own operation)
     */
    ChallengeEngineImpl(AccordStore store, AccordClock clock, KeyCustody custody, Runnable rotateCustody,
            ChallengePolicy policy) {
        this.store = store;
        this.clock = clock;
        this.custody = custody;
        this.rotateCustody = rotateCustody;
        this.vault = new TableVault(custody);
        this.policy = policy;
    }

    @Override
    public Provisioning enrol(String customerId, byte[] enrolmentRequest) {
        EnrolmentRequest request;
        try {
            request = ServerProtocol.parseEnrolmentRequest(enrolmentRequest);
        } catch (ProtocolException e) {
            LOG.info("Enrolment of customer {} refused: {}", customerId, e.refusal());
            throw new ChallengeException(ChallengeException.MALFORMED_ENROLMENT, "the enrolment request is not valid");
        }
        byte[] deviceId = ServerProtocol.newId();
        byte[] tableId = ServerProtocol.newId();
        int generation = 1;
        byte[] cells = Randomness.bytes(policy.tableCells() * Protocol.CELL_LENGTH);
        try (ServerProtocol.DeviceTransport transport = ServerProtocol.acceptDevice(request, deviceId);
             ProvisioningPackage pkg = new ProvisioningPackage(Protocol.VERSION, Protocol.SUITE_1, customerId,
                     deviceId, tableId, generation, custody.serverPublicKey(), transport.accordTransportPublicKey(),
                     policy.handsetArgon2(), cells)) {
            byte[] sealedPackage = ServerProtocol.sealProvisioning(transport.transportKey(), pkg);
            Instant now = now();
            byte[] wrapped = vault.newWrappedDataKey(customerId, generation);
            int keyVersion = vault.keyVersionOf(wrapped);
            byte[] sealedTable;
            byte[] sealedTransport;
            try (SecretBytes dataKey = vault.dataKey(wrapped, customerId, generation)) {
                sealedTable = vault.sealTable(dataKey, customerId, generation, keyVersion, cells);
                sealedTransport = transport.transportKey().apply(
                        k -> vault.sealTransportKey(dataKey, customerId, generation, keyVersion, k));
            }
            CustomerCredential credential = new CustomerCredential(customerId, Hex.encode(deviceId),
                    request.signingPublicKey(), sealedTransport, Hex.encode(tableId), generation, sealedTable, wrapped,
                    keyVersion, policy.tableCells(), 0, null, null, now, now, null, 0);
            store.transact(tx -> {
                if (tx.credentials().find(customerId).isPresent()) {
                    throw new ChallengeException(ChallengeException.ALREADY_ENROLLED,
                            "customer " + customerId + " is already enrolled");
                }
                tx.credentials().insert(credential);
                audit(tx, "credential.enrolled", null, customerId, Hex.encode(deviceId), Hex.encode(tableId));
                return null;
            });
            LOG.info("Customer {} enrolled: device {}, table {} ({} cells)", customerId, Hex.encode(deviceId),
                    Hex.encode(tableId), policy.tableCells());
            return new Provisioning(customerId, Hex.encode(deviceId), Hex.encode(tableId), generation,
                    policy.tableCells(), sealedPackage);
        } catch (ProtocolException | IntegrityException e) {
            LOG.warn("Enrolment of customer {} failed: {}", customerId, e.toString());
            throw new ChallengeException(ChallengeException.MALFORMED_ENROLMENT, "the enrolment request is not valid");
        } finally {
            SecretBytes.zero(cells);
        }
    }

    @Override
    public Provisioning reprovision(String customerId, String approvedChallengeId, byte[] reprovisionRequest) {
        ReprovisionRequest request;
        try {
            request = ServerProtocol.parseReprovisionRequest(reprovisionRequest);
        } catch (ProtocolException e) {
            throw refused(customerId, "request refused: " + e.refusal());
        }
        if (customerId == null || approvedChallengeId == null
                || !ConstantTime.equals(Hex.encode(request.approvedChallengeId()).getBytes(StandardCharsets.US_ASCII),
                        approvedChallengeId.getBytes(StandardCharsets.US_ASCII))) {
            throw refused(customerId, "the request names another challenge than " + approvedChallengeId);
        }
        try {
            return store.transact(tx -> reprovisionLocked(tx, customerId, approvedChallengeId, request));
        } catch (ConcurrentUpdateException e) {
            throw refused(customerId, "lost a race with another re-provisioning: " + e.getMessage());
        }
    }

    private Provisioning reprovisionLocked(StoreTransaction tx, String customerId, String challengeId,
            ReprovisionRequest request) {
        Instant now = now();
        CustomerCredential credential = tx.credentials().lockForUpdate(customerId)
                .orElseThrow(() -> refused(customerId, "not enrolled"));
        if (credential.locked()) {
            throw refused(customerId, "customer is locked out");
        }
        // proof of possession of the registered key: the request's signature verified under the
        // key it carries, which must be the registered one
        if (!ConstantTime.equals(credential.deviceSigningKey(), request.signingPublicKey())) {
            throw refused(customerId, "request not signed by the registered device key");
        }
        ChallengeRecord approved = tx.challenges().find(challengeId)
                .orElseThrow(() -> refused(customerId, "unknown challenge " + challengeId));
        if (!approved.customerId().equals(customerId)) {
            throw refused(customerId, "challenge " + challengeId + " belongs to another customer");
        }
        if (approved.state() != ChallengeState.APPROVED) {
            throw refused(customerId, "challenge " + challengeId + " is " + approved.state() + ", not APPROVED");
        }
        if (approved.purchaseId() == null || !approved.purchaseId().startsWith(REPROVISION_PURCHASE_PREFIX)) {
            throw refused(customerId, "challenge " + challengeId + " is for purchase " + approved.purchaseId()
                    + ", not a re-provisioning");
        }
        if (approved.answeredAt() == null || approved.answeredAt().isBefore(now.minus(REPROVISION_WINDOW))
                || approved.answeredAt().isAfter(now)) {
            throw refused(customerId, "challenge " + challengeId + " was answered at " + approved.answeredAt()
                    + ", not within " + REPROVISION_WINDOW.toMinutes() + " minutes of " + now);
        }
        long amount = approvedAmount(credential, approved);
        if (amount != 0) {
            throw refused(customerId, "challenge " + challengeId + " has amount " + amount + ", not 0");
        }
        if (!tx.challenges().consumeForReprovisioning(challengeId, now)) {
            throw refused(customerId, "challenge " + challengeId + " already authorised a re-provisioning");
        }

        int generation = credential.generation() + 1;
        byte[] deviceId = Hex.decode(credential.deviceId());
        byte[] tableId = ServerProtocol.newId();
        int cellCount = policy.tableCells();
        byte[] cells = Randomness.bytes(cellCount * Protocol.CELL_LENGTH);
        try (ServerProtocol.DeviceTransport transport = ServerProtocol.acceptDevice(request, deviceId);
             ProvisioningPackage pkg = new ProvisioningPackage(Protocol.VERSION, Protocol.SUITE_1, customerId,
                     deviceId, tableId, generation, custody.serverPublicKey(), transport.accordTransportPublicKey(),
                     policy.handsetArgon2(), cells);
             SecretBytes dataKey = vault.dataKey(credential.wrappedDataKey(), customerId, credential.generation())) {
            byte[] sealedPackage = ServerProtocol.sealProvisioning(transport.transportKey(), pkg);
            // the pending generation is sealed under the customer's data key, bound to generation n+1
            byte[] sealedTable = vault.sealTable(dataKey, customerId, generation, credential.keyVersion(), cells);
            byte[] sealedTransport = transport.transportKey().apply(
                    k -> vault.sealTransportKey(dataKey, customerId, generation, credential.keyVersion(), k));
            PendingGeneration replaced = credential.pending();
            String tableHex = Hex.encode(tableId);
            tx.credentials().update(credential.withPending(
                    new PendingGeneration(tableHex, generation, sealedTable, sealedTransport, now), now));
            audit(tx, "credential.reprovisioning", null, customerId, challengeId, tableHex,
                    String.valueOf(generation), replaced == null ? "" : "replaces " + replaced.tableId());
            LOG.info("Customer {}: generation {} (table {}, {} cells) prepared, authorised by challenge {}{};"
                    + " generation {} stays current until the handset acknowledges", customerId, generation,
                    tableHex, cellCount, challengeId, replaced == null ? "" : ", replacing table " + replaced.tableId(),
                    credential.generation());
            return new Provisioning(customerId, credential.deviceId(), tableHex, generation, cellCount, sealedPackage);
        } catch (ProtocolException e) {
            throw refused(customerId, "device agreement key refused: " + e.refusal());
        } catch (IntegrityException e) {
            LOG.error("Customer {}: credential does not decrypt during re-provisioning ({})", customerId,
                    e.getMessage());
            throw new IllegalStateException("credential of customer " + customerId + " is unreadable");
        } finally {
            SecretBytes.zero(cells);
        }
    }

    /** The amount the approved challenge showed, from its sealed binding; -1 when unreadable. */
    private long approvedAmount(CustomerCredential credential, ChallengeRecord approved) {
        try (SecretBytes dataKey = vault.dataKey(credential.wrappedDataKey(), credential.customerId(),
                credential.generation())) {
            byte[] plain = vault.openChallenge(dataKey, credential.customerId(), credential.generation(),
                    approved.challengeId(), approved.binding());
            try {
                return Challenge.decode(Arrays.copyOfRange(plain, Protocol.CELL_LENGTH, plain.length)).amountMinor();
            } finally {
                SecretBytes.zero(plain);
            }
        } catch (IntegrityException | ProtocolException e) {
            // e.g. issued on an older generation
            LOG.info("Challenge {}: binding not readable under generation {} ({})", approved.challengeId(),
                    credential.generation(), e.toString());
            return -1;
        }
    }

    @Override
    public CredentialStatus confirmReprovisioning(String customerId, byte[] acknowledgement) {
        ReprovisionAck ack;
        try {
            ack = ServerProtocol.parseReprovisionAck(acknowledgement);
        } catch (ProtocolException e) {
            throw refused(customerId, "acknowledgement refused: " + e.refusal());
        }
        try {
            return store.transact(tx -> confirmLocked(tx, customerId, ack));
        } catch (ConcurrentUpdateException e) {
            throw refused(customerId, "acknowledgement lost a race: " + e.getMessage());
        }
    }

    private CredentialStatus confirmLocked(StoreTransaction tx, String customerId, ReprovisionAck ack) {
        Instant now = now();
        CustomerCredential c = tx.credentials().lockForUpdate(customerId)
                .orElseThrow(() -> refused(customerId, "not enrolled"));
        if (!ack.signatureValid(c.deviceSigningKey())) {
            throw refused(customerId, "acknowledgement not signed by the registered device key");
        }
        if (!Hex.encode(ack.deviceId()).equals(c.deviceId())) {
            throw refused(customerId, "acknowledgement names device " + Hex.encode(ack.deviceId()));
        }
        String ackTable = Hex.encode(ack.tableId());
        PendingGeneration p = c.pending();
        if (p == null || p.generation() != ack.generation() || !p.tableId().equals(ackTable)) {
            if (c.generation() == ack.generation() && c.tableId().equals(ackTable)) {
                LOG.info("Customer {}: generation {} acknowledged again (already current)", customerId,
                        ack.generation());
                return status(c);
            }
            throw refused(customerId, "acknowledgement of generation " + ack.generation() + " table " + ackTable
                    + " does not match the pending one (" + (p == null ? "none" : p.generation() + " table "
                    + p.tableId()) + ")");
        }
        int generation = p.generation();
        try (SecretBytes dataKey = vault.dataKey(c.wrappedDataKey(), customerId, c.generation())) {
            byte[] cells = vault.openTable(dataKey, customerId, generation, c.keyVersion(), p.sealedTable());
            try (SecretBytes transport = vault.openTransportKey(dataKey, customerId, generation, c.keyVersion(),
                    p.sealedTransportKey())) {
                // the data key is wrapped for the new generation (under the current KEK) and the
                // table and transport key re-sealed under that KEK version
                byte[] wrapped = vault.rewrap(dataKey, customerId, generation);
                int version = vault.keyVersionOf(wrapped);
                byte[] table = vault.sealTable(dataKey, customerId, generation, version, cells);
                byte[] sealedTransport = transport.apply(
                        k -> vault.sealTransportKey(dataKey, customerId, generation, version, k));
                int cellCount = cells.length / Protocol.CELL_LENGTH;
                Optional<ChallengeRecord> open = tx.challenges().openFor(customerId);
                if (open.isPresent()) {
                    // issued on the old generation, which the handset now refuses (STALE_TABLE)
                    tx.challenges().close(open.get().challengeId(), ChallengeState.OPEN, ChallengeState.CANCELLED,
                            now);
                    audit(tx, "challenge.cancelled", open.get().purchaseId(), customerId,
                            open.get().challengeId(), "reprovisioned");
                }
                CustomerCredential next = new CustomerCredential(c.customerId(), c.deviceId(), c.deviceSigningKey(),
                        sealedTransport, p.tableId(), generation, table, wrapped, version, cellCount,
                        c.consecutiveFailures(), c.lockedAt(), c.lockReason(), c.enrolledAt(), now, null, c.version());
                tx.credentials().update(next);
                audit(tx, "credential.reprovisioned", null, customerId, p.tableId(), String.valueOf(generation),
                        c.tableId());
                LOG.info("Customer {} switched to generation {} (table {}, {} cells); table {} retired", customerId,
                        generation, p.tableId(), cellCount, c.tableId());
                return status(tx.credentials().find(customerId).orElseThrow());
            } finally {
                SecretBytes.zero(cells);
            }
        } catch (IntegrityException e) {
            LOG.error("Customer {}: pending generation does not decrypt ({})", customerId, e.getMessage());
            throw new IllegalStateException("credential of customer " + customerId + " is unreadable");
        }
    }

    /** The one refusal the caller sees; the precise reason goes to the log only. */
    private static ChallengeException refused(String customerId, String reason) {
        LOG.info("Re-provisioning of customer {} refused: {}", customerId, reason);
        return new ChallengeException(ChallengeException.REPROVISION_REFUSED, "re-provisioning not accepted");
    }

    /** The pending generation re-sealed for KEK version {@code version} (same data key), or null. */
    private PendingGeneration resealPending(SecretBytes dataKey, CustomerCredential c, int version)
            throws IntegrityException {
        PendingGeneration p = c.pending();
        if (p == null) {
            return null;
        }
        byte[] cells = vault.openTable(dataKey, c.customerId(), p.generation(), c.keyVersion(), p.sealedTable());
        try (SecretBytes transport = vault.openTransportKey(dataKey, c.customerId(), p.generation(), c.keyVersion(),
                p.sealedTransportKey())) {
            byte[] table = vault.sealTable(dataKey, c.customerId(), p.generation(), version, cells);
            byte[] sealedTransport = transport.apply(
                    k -> vault.sealTransportKey(dataKey, c.customerId(), p.generation(), version, k));
            return new PendingGeneration(p.tableId(), p.generation(), table, sealedTransport, p.since());
        } finally {
            SecretBytes.zero(cells);
        }
    }

    @Override
    public IssuedChallenge issue(ChallengeRequest request) {
        Instant now = now();
        return store.transact(tx -> {
            CustomerCredential credential = tx.credentials().lockForUpdate(request.customerId())
                    .orElseThrow(() -> new ChallengeException(ChallengeException.UNKNOWN_CUSTOMER,
                            "no credential for this customer"));
            if (credential.locked()) {
                throw new ChallengeException(ChallengeException.LOCKED, "the customer is locked out");
            }
            Optional<ChallengeRecord> open = tx.challenges().openFor(credential.customerId());
            if (open.isPresent()) {
                if (!open.get().expiresAt().isAfter(now)) {
                    expire(tx, open.get(), now);
                } else {
                    throw new ChallengeException(ChallengeException.CHALLENGE_OPEN,
                            "another challenge is waiting for an answer");
                }
            }
            if (tx.challenges().countIssuedSince(credential.customerId(), now.minus(1, ChronoUnit.HOURS))
                    >= policy.capPerHour()
                    || tx.challenges().countIssuedSince(credential.customerId(), now.minus(1, ChronoUnit.DAYS))
                    >= policy.capPerDay()) {
                throw new ChallengeException(ChallengeException.CAP_REACHED, "too many challenges for this customer");
            }
            return issueOnFreshCell(tx, credential, request, now);
        });
    }

    private IssuedChallenge issueOnFreshCell(StoreTransaction tx, CustomerCredential credential,
            ChallengeRequest request, Instant now) {
        String customerId = credential.customerId();
        try (SecretBytes dataKey = vault.dataKey(credential.wrappedDataKey(), customerId, credential.generation())) {
            byte[] cells = vault.openTable(dataKey, customerId, credential.generation(), credential.keyVersion(),
                    credential.sealedTable());
            try {
                int address = pickUnusedCell(tx, credential, cells, now);
                // Accord deletes its copy of the cell now, whatever the answer will be (claims 2-4)
                byte[] cell = TableCells.take(cells, address);
                byte[] challengeId = ServerProtocol.newId();
                String challengeHex = Hex.encode(challengeId);
                long issued = now.getEpochSecond();
                Instant expiresAt = now.plus(policy.lifetime());
                Challenge challenge = new Challenge(challengeId, address, protocolMode(request.mode()), customerId,
                        Hex.decode(credential.deviceId()), Hex.decode(credential.tableId()), credential.generation(),
                        request.amountMinor(), request.currency(), request.merchantId(),
                        request.merchantDisplayName(), request.purchaseId(), issued, expiresAt.getEpochSecond());
                byte[] encoded = challenge.encode();
                byte[] binding = vault.sealChallenge(dataKey, customerId, credential.generation(), challengeHex,
                        concat(cell, encoded));
                SecretBytes.zero(cell);
                byte[] sealedMessage;
                try (SecretBytes transportKey = vault.openTransportKey(dataKey, customerId, credential.generation(),
                        credential.keyVersion(), credential.deviceTransportKey())) {
                    sealedMessage = ServerProtocol.sealChallenge(transportKey, challenge);
                }
                int remaining = credential.remainingCells() - 1;
                tx.credentials().update(withTable(credential, vault.sealTable(dataKey, customerId,
                        credential.generation(), credential.keyVersion(), cells), remaining, now));
                tx.challenges().insert(new ChallengeRecord(challengeHex, customerId, address, request.purchaseId(),
                        request.mode(), binding, now, expiresAt, ChallengeState.OPEN, null, false));
                audit(tx, "challenge.issued", request.purchaseId(), customerId, challengeHex,
                        String.valueOf(address));
                if (remaining == policy.tableCells() / 5) {
                    audit(tx, "credential.table-low", null, customerId, String.valueOf(remaining));
                    LOG.info("Customer {}: 20% of the identification table left ({} cells): re-provision soon",
                            customerId, remaining);
                }
                return new IssuedChallenge(challengeHex, customerId, sealedMessage,
                        text(request), expiresAt);
            } finally {
                SecretBytes.zero(cells);
            }
        } catch (IntegrityException e) {
            LOG.error("Customer {}: stored table does not decrypt ({})", customerId, e.getMessage());
            throw new IllegalStateException("credential of customer " + customerId + " is unreadable");
        }
    }

    private static int pickUnusedCell(StoreTransaction tx, CustomerCredential credential, byte[] cells, Instant now) {
        return TableCells.pickUnused(cells, address -> tx.challenges().markCellUsed(credential.customerId(),
                credential.tableId(), credential.generation(), address, now));
    }

    @Override
    public ChallengeVerdict answer(byte[] responseEnvelope) {
        ResponseEnvelope envelope;
        try {
            envelope = ServerProtocol.parseResponseEnvelope(responseEnvelope);
        } catch (ProtocolException e) {
            LOG.info("Response refused before attribution: {}", e.refusal());
            return new ChallengeVerdict(Outcome.REFUSED, null, null, null);
        }
        String deviceId = Hex.encode(envelope.deviceId());
        Optional<CustomerCredential> known = store.transact(tx -> tx.credentials().findByDevice(deviceId));
        if (known.isEmpty()) {
            LOG.info("Response refused: unknown device {}", deviceId);
            return new ChallengeVerdict(Outcome.REFUSED, null, null, null);
        }
        CustomerCredential credential = known.get();
        // the device signature is checked first: nothing unsigned counts toward the lock-out
        OpenResult opened = ServerProtocol.openAndVerify(custody, credential.deviceSigningKey(), envelope);
        if (!opened.verified()) {
            LOG.info("Response for customer {} refused and not counted: {}", credential.customerId(),
                    opened.refusal());
            return new ChallengeVerdict(Outcome.REFUSED, null, credential.customerId(), null);
        }
        SignedResponse response = opened.response();
        String challengeId = Hex.encode(response.challengeId());
        try {
            return store.transact(tx -> verifyLocked(tx, credential.customerId(), challengeId, response));
        } catch (ConcurrentUpdateException e) {
            LOG.info("Response to challenge {} lost a race with another answer: not counted", challengeId);
            return new ChallengeVerdict(Outcome.REFUSED, challengeId, credential.customerId(), null);
        }
    }

    private ChallengeVerdict verifyLocked(StoreTransaction tx, String customerId, String challengeId,
            SignedResponse response) {
        Instant now = now();
        CustomerCredential credential = tx.credentials().lockForUpdate(customerId).orElseThrow();
        Optional<ChallengeRecord> found = tx.challenges().find(challengeId);
        if (found.isEmpty() || !found.get().customerId().equals(customerId)) {
            LOG.info("Response for customer {} refused and not counted: unknown challenge {}", customerId,
                    challengeId);
            return new ChallengeVerdict(Outcome.REFUSED, null, customerId, null);
        }
        ChallengeRecord challenge = found.get();
        if (challenge.state() != ChallengeState.OPEN) {
            LOG.info("Response to challenge {} refused and not counted: already {}", challengeId, challenge.state());
            return new ChallengeVerdict(Outcome.REFUSED, challengeId, customerId, challenge.purchaseId());
        }
        if (credential.locked()) {
            LOG.info("Response to challenge {} refused: customer {} is locked", challengeId, customerId);
            tx.challenges().close(challengeId, ChallengeState.OPEN, ChallengeState.CANCELLED, now);
            return new ChallengeVerdict(Outcome.LOCKED, challengeId, customerId, challenge.purchaseId());
        }
        if (!challenge.expiresAt().isAfter(now)) {
            expire(tx, challenge, now);
            LOG.info("Response to challenge {} refused and not counted: expired at {}", challengeId,
                    challenge.expiresAt());
            return new ChallengeVerdict(Outcome.REFUSED, challengeId, customerId, challenge.purchaseId());
        }
        boolean matches = matches(credential, challenge, response);
        if (matches) {
            ChallengeState state = response.decision() == Decision.APPROVE ? ChallengeState.APPROVED
                    : ChallengeState.DECLINED;
            tx.challenges().close(challengeId, ChallengeState.OPEN, state, now, true);
            if (credential.consecutiveFailures() != 0) {
                tx.credentials().update(withFailures(credential, 0, null, null, now));
            }
            audit(tx, "challenge." + state.name().toLowerCase(), challenge.purchaseId(), customerId, challengeId);
            LOG.info("Challenge {} answered: {}", challengeId, state);
            return new ChallengeVerdict(state == ChallengeState.APPROVED ? Outcome.APPROVED : Outcome.DECLINED,
                    challengeId, customerId, challenge.purchaseId());
        }
        tx.challenges().close(challengeId, ChallengeState.OPEN, ChallengeState.FAILED, now, true);
        tx.credentials().recordFailure(customerId, now);
        int consecutive = credential.consecutiveFailures() + 1;
        long inWindow = tx.credentials().failuresSince(customerId, now.minus(policy.lockWindow()));
        boolean lock = consecutive >= policy.lockConsecutive() || inWindow >= policy.lockWindowFailures();
        String reason = lock ? (consecutive >= policy.lockConsecutive()
                ? consecutive + " consecutive failed answers"
                : inWindow + " failed answers in " + policy.lockWindow().toDays() + " days") : null;
        tx.credentials().update(withFailures(credential, consecutive, lock ? now : null, reason, now));
        audit(tx, "challenge.failed", challenge.purchaseId(), customerId, challengeId, String.valueOf(consecutive));
        tellCustomer(tx, customerId, challengeId, now, lock
                ? "Accord: a wrong code was entered to approve a payment. Your Accord approvals are now locked;"
                        + " contact Accord to unlock them."
                : "Accord: a wrong code was entered to approve a payment (" + consecutive + " of "
                        + policy.lockConsecutive() + " before your approvals are locked). Not you? Contact Accord.");
        if (lock) {
            audit(tx, "credential.locked", null, customerId, reason);
            LOG.warn("Customer {} locked out: {}", customerId, reason);
            return new ChallengeVerdict(Outcome.LOCKED, challengeId, customerId, challenge.purchaseId());
        }
        LOG.info("Challenge {} failed ({} consecutive failures)", challengeId, consecutive);
        return new ChallengeVerdict(Outcome.REFUSED, challengeId, customerId, challenge.purchaseId());
    }

    /**
     * Tells the customer of a failed answer (RTS art. 4(3)(b) lock-out policy) through the outbox,
     * in the same transaction: the message leaves when a carrier for the customer's number is
     * bound, and is never lost or sent for a failure that was rolled back.
     */
    private static void tellCustomer(StoreTransaction tx, String customerId, String challengeId, Instant now,
            String text) {
        tx.outbox().enqueue(new OutboxMessage("ntf-" + challengeId, NOTICE_CHANNEL, "customer:" + customerId, null,
                text.getBytes(StandardCharsets.UTF_8), 0, now, now, null));
    }

    private boolean matches(CustomerCredential credential, ChallengeRecord challenge, SignedResponse response) {
        try (SecretBytes dataKey = vault.dataKey(credential.wrappedDataKey(), credential.customerId(),
                credential.generation())) {
            byte[] plain = vault.openChallenge(dataKey, credential.customerId(), credential.generation(),
                    challenge.challengeId(), challenge.binding());
            try {
                byte[] cell = Arrays.copyOf(plain, Protocol.CELL_LENGTH);
                Challenge issued = Challenge.decode(Arrays.copyOfRange(plain, Protocol.CELL_LENGTH, plain.length));
                boolean ok = ServerProtocol.responseMatches(cell, issued, response);
                SecretBytes.zero(cell);
                return ok;
            } finally {
                SecretBytes.zero(plain);
            }
        } catch (IntegrityException | ProtocolException e) {
            LOG.error("Challenge {}: stored binding unreadable ({})", challenge.challengeId(), e.toString());
            return false;
        }
    }

    @Override
    public int expireDue(int limit) {
        Instant now = now();
        List<ChallengeRecord> due = store.transact(tx -> tx.challenges().expiredOpen(now, limit));
        int expired = 0;
        for (ChallengeRecord challenge : due) {
            try {
                expired += store.transact(tx -> {
                    tx.credentials().lockForUpdate(challenge.customerId());
                    return tx.challenges().find(challenge.challengeId())
                            .filter(c -> c.state() == ChallengeState.OPEN)
                            .map(c -> {
                                expire(tx, c, now);
                                return 1;
                            }).orElse(0);
                });
            } catch (ConcurrentUpdateException e) {
                LOG.debug("Challenge {} closed meanwhile", challenge.challengeId());
            }
        }
        return expired;
    }

    private void expire(StoreTransaction tx, ChallengeRecord challenge, Instant now) {
        tx.challenges().close(challenge.challengeId(), ChallengeState.OPEN, ChallengeState.EXPIRED, now);
        audit(tx, "challenge.expired", challenge.purchaseId(), challenge.customerId(), challenge.challengeId());
    }

    @Override
    public Optional<CredentialStatus> status(String customerId) {
        return store.transact(tx -> tx.credentials().find(customerId)).map(ChallengeEngineImpl::status);
    }

    @Override
    public CredentialStatus unlock(String customerId, String operator, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an unlock needs a reason");
        }
        Instant now = now();
        CustomerCredential unlocked = store.transact(tx -> {
            CustomerCredential credential = tx.credentials().lockForUpdate(customerId)
                    .orElseThrow(() -> new ChallengeException(ChallengeException.UNKNOWN_CUSTOMER,
                            "no credential for this customer"));
            CustomerCredential next = withFailures(credential, 0, null, null, now);
            tx.credentials().update(next);
            audit(tx, "credential.unlocked", null, customerId, operator, reason);
            return next;
        });
        LOG.info("Customer {} unlocked by {}: {}", customerId, operator, reason);
        return status(unlocked);
    }

    @Override
    public int rotate() {
        rotateCustody.run();
        int version = custody.currentKeyVersion();
        LOG.info("Key-encryption key rotated to version {}; run rewrap to re-encrypt existing tables", version);
        return version;
    }

    @Override
    public int currentVersion() {
        return custody.currentKeyVersion();
    }

    @Override
    public int rewrap(int limit) {
        int target = custody.currentKeyVersion();
        List<String> customers = store.transact(tx -> tx.credentials().customersWithKeyVersionBelow(target, limit));
        int done = 0;
        for (String customerId : customers) {
            done += store.transact(tx -> rewrapOne(tx, customerId, target));
        }
        return done;
    }

    private int rewrapOne(StoreTransaction tx, String customerId, int target) {
        CustomerCredential c = tx.credentials().lockForUpdate(customerId).orElse(null);
        if (c == null || c.keyVersion() >= target) {
            return 0;
        }
        try (SecretBytes oldKey = vault.dataKey(c.wrappedDataKey(), customerId, c.generation())) {
            byte[] cells = vault.openTable(oldKey, customerId, c.generation(), c.keyVersion(), c.sealedTable());
            try (SecretBytes transport = vault.openTransportKey(oldKey, customerId, c.generation(), c.keyVersion(),
                    c.deviceTransportKey())) {
                // open challenges keep their binding under the same data key: re-wrap it, do not replace it
                byte[] wrapped = vault.rewrap(oldKey, customerId, c.generation());
                int version = vault.keyVersionOf(wrapped);
                byte[] table = vault.sealTable(oldKey, customerId, c.generation(), version, cells);
                byte[] sealedTransport = transport.apply(
                        k -> vault.sealTransportKey(oldKey, customerId, c.generation(), version, k));
                tx.credentials().update(new CustomerCredential(c.customerId(), c.deviceId(), c.deviceSigningKey(),
                        sealedTransport, c.tableId(), c.generation(), table, wrapped, version, c.remainingCells(),
                        c.consecutiveFailures(), c.lockedAt(), c.lockReason(), c.enrolledAt(), now(),
                        resealPending(oldKey, c, version), c.version()));
                audit(tx, "credential.rewrapped", null, customerId, String.valueOf(version));
                return 1;
            } finally {
                SecretBytes.zero(cells);
            }
        } catch (IntegrityException e) {
            LOG.error("Customer {}: credential does not decrypt during rewrap ({})", customerId, e.getMessage());
            return 0;
        }
    }

    private Instant now() {
        return clock.now().truncatedTo(ChronoUnit.SECONDS);
    }

    private static CredentialStatus status(CustomerCredential c) {
        return new CredentialStatus(c.customerId(), c.deviceId(), c.generation(), c.remainingCells(),
                c.consecutiveFailures(), c.locked(), c.lockedAt(), c.lockReason());
    }

    private static CustomerCredential withTable(CustomerCredential c, byte[] sealedTable, int remaining, Instant now) {
        return new CustomerCredential(c.customerId(), c.deviceId(), c.deviceSigningKey(), c.deviceTransportKey(),
                c.tableId(), c.generation(), sealedTable, c.wrappedDataKey(), c.keyVersion(), remaining,
                c.consecutiveFailures(), c.lockedAt(), c.lockReason(), c.enrolledAt(), now, c.pending(), c.version());
    }

    private static CustomerCredential withFailures(CustomerCredential c, int failures, Instant lockedAt,
            String lockReason, Instant now) {
        return new CustomerCredential(c.customerId(), c.deviceId(), c.deviceSigningKey(), c.deviceTransportKey(),
                c.tableId(), c.generation(), c.sealedTable(), c.wrappedDataKey(), c.keyVersion(), c.remainingCells(),
                failures, lockedAt, lockReason, c.enrolledAt(), now, c.pending(), c.version());
    }

    private static org.accordpay.crypto.protocol.Mode protocolMode(Mode mode) {
        return mode == Mode.LIVE ? org.accordpay.crypto.protocol.Mode.LIVE : org.accordpay.crypto.protocol.Mode.TEST;
    }

    private static String text(ChallengeRequest request) {
        return String.format("Accord: approve %s %s to %s? Open Accord on your phone and type your PIN.",
                amount(request.amountMinor(), request.currency()), request.currency(), request.merchantDisplayName());
    }

    private static String amount(long minor, String currency) {
        int digits;
        try {
            digits = Math.max(0, java.util.Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException unknown) {
            digits = 2;
        }
        return java.math.BigDecimal.valueOf(minor, digits).toPlainString();
    }

    private static void audit(StoreTransaction tx, String type, String purchaseId, String... fields) {
        tx.audit().append(type, purchaseId, String.join("|", fields).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
