package org.accordpay.challenge.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.accordpay.api.challenge.ChallengeException;
import org.accordpay.api.challenge.MerchantTables;
import org.accordpay.api.challenge.dto.IssuedMerchantTable;
import org.accordpay.api.challenge.dto.MerchantChallenge;
import org.accordpay.api.challenge.dto.MerchantTableStatus;
import org.accordpay.api.store.AccordStore;
import org.accordpay.api.store.StoreTransaction;
import org.accordpay.api.store.dto.ChallengeState;
import org.accordpay.api.store.dto.MerchantChallengeRecord;
import org.accordpay.api.store.dto.MerchantTableRecord;
import org.accordpay.api.time.AccordClock;
import org.accordpay.crypto.ConstantTime;
import org.accordpay.crypto.Hmac;
import org.accordpay.crypto.IntegrityException;
import org.accordpay.crypto.KeyCustody;
import org.accordpay.crypto.Randomness;
import org.accordpay.crypto.SecretBytes;
import org.accordpay.crypto.protocol.Hex;
import org.accordpay.crypto.protocol.Protocol;
import org.accordpay.crypto.protocol.ServerProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merchants' identification tables over the same machinery as the customers' ({@link TableVault} with
 * the merchants' labels, {@link TableCells}, the used-cell log under the owner {@code merchant:<id>}):
 * issue, threshold, challenge on a fresh cell bound to a request digest, and one-time verification of
 * the proof {@code base64url(HMAC-SHA256(cell, "accord-merchant-proof-v1\n" + challenge id + "\n" +
 * request digest))}. Table size and challenge lifetime are the engine's policy.
 */
final class MerchantTableService implements MerchantTables {

    private static final Logger LOG = LoggerFactory.getLogger(MerchantTableService.class);

    /** Prefix of a merchant's owner id in the vault and the used-cell log. */
    static final String OWNER = "merchant:";
    /** First line of the proof's message. */
    static final String PROOF_LABEL = "accord-merchant-proof-v1";

    private final AccordStore store;
    private final AccordClock clock;
    private final KeyCustody custody;
    private final TableVault vault;
    private final ChallengePolicy policy;

    MerchantTableService(AccordStore store, AccordClock clock, KeyCustody custody, ChallengePolicy policy) {
        this.store = store;
        this.clock = clock;
        this.custody = custody;
        this.vault = TableVault.forMerchants(custody);
        this.policy = policy;
    }

    @Override
    public IssuedMerchantTable issueTable(String merchantId, long thresholdMinor, String currency, String actor) {
        checkMerchant(merchantId);
        String iso = checkThreshold(thresholdMinor, currency);
        byte[] cells = Randomness.bytes(policy.tableCells() * Protocol.CELL_LENGTH);
        String tableId = Hex.encode(ServerProtocol.newId());
        Instant now = now();
        try {
            int generation = store.transact(tx -> {
                Optional<MerchantTableRecord> previous = tx.merchantTables().lockForUpdate(merchantId);
                int g = previous.map(p -> p.generation() + 1).orElse(1);
                String owner = OWNER + merchantId;
                byte[] wrapped = vault.newWrappedDataKey(owner, g);
                int keyVersion = vault.keyVersionOf(wrapped);
                byte[] sealed;
                try (SecretBytes dataKey = vault.dataKey(wrapped, owner, g)) {
                    sealed = vault.sealTable(dataKey, owner, g, keyVersion, cells);
                } catch (IntegrityException e) {
                    throw new IllegalStateException("a fresh data key does not unwrap", e);
                }
                tx.merchantTables().save(new MerchantTableRecord(merchantId, tableId, g, sealed, wrapped, keyVersion,
                        policy.tableCells(), policy.tableCells(), thresholdMinor, iso, now, now,
                        previous.map(MerchantTableRecord::version).orElse(0L)));
                audit(tx, "merchant-table.issued", merchantId, tableId, String.valueOf(g), thresholdMinor + " " + iso,
                        actor, previous.map(MerchantTableRecord::tableId).orElse("-"));
                return g;
            });
            LOG.info("Merchant {}: identification table {} issued (generation {}, {} cells, threshold {} {})",
                    merchantId, tableId, generation, policy.tableCells(), thresholdMinor, iso);
            return new IssuedMerchantTable(merchantId, tableId, generation, Protocol.CELL_LENGTH, cells.clone(),
                    thresholdMinor, iso);
        } finally {
            SecretBytes.zero(cells);
        }
    }

    @Override
    public MerchantTableStatus setThreshold(String merchantId, long thresholdMinor, String currency, String actor) {
        checkMerchant(merchantId);
        String iso = checkThreshold(thresholdMinor, currency);
        Instant now = now();
        return store.transact(tx -> {
            MerchantTableRecord t = tx.merchantTables().lockForUpdate(merchantId).orElseThrow(() -> noTable(merchantId));
            MerchantTableRecord next = new MerchantTableRecord(t.merchantId(), t.tableId(), t.generation(),
                    t.sealedTable(), t.wrappedDataKey(), t.keyVersion(), t.cells(), t.remainingCells(), thresholdMinor,
                    iso, t.issuedAt(), now, t.version());
            tx.merchantTables().save(next);
            audit(tx, "merchant-table.threshold", merchantId, t.tableId(), t.thresholdMinor() + " " + t.currency(),
                    thresholdMinor + " " + iso, actor);
            return status(next);
        });
    }

    @Override
    public Optional<MerchantTableStatus> table(String merchantId) {
        return store.transact(tx -> tx.merchantTables().find(merchantId)).map(MerchantTableService::status);
    }

    @Override
    public boolean proofRequired(String merchantId, long amountMinor, String currency) {
        return store.transact(tx -> tx.merchantTables().find(merchantId))
                .map(t -> !t.currency().equals(currency) || amountMinor >= t.thresholdMinor()).orElse(false);
    }

    /**
     * Re-encrypts up to {@code limit} merchants' tables under the current key-encryption key version, one
     * transaction per merchant. The data key stays the same (only its wrap changes), so open challenges,
     * sealed under it, still verify.
     *
     * @return how many tables were re-encrypted
     */
    int rewrap(int limit) {
        int target = custody.currentKeyVersion();
        List<String> merchants = store.transact(tx -> tx.merchantTables().merchantsWithKeyVersionBelow(target, limit));
        int done = 0;
        for (String merchantId : merchants) {
            done += store.transact(tx -> rewrapOne(tx, merchantId, target));
        }
        return done;
    }

    private int rewrapOne(StoreTransaction tx, String merchantId, int target) {
        MerchantTableRecord t = tx.merchantTables().lockForUpdate(merchantId).orElse(null);
        if (t == null || t.keyVersion() >= target) {
            return 0;
        }
        String owner = OWNER + merchantId;
        try (SecretBytes dataKey = vault.dataKey(t.wrappedDataKey(), owner, t.generation())) {
            byte[] cells = vault.openTable(dataKey, owner, t.generation(), t.keyVersion(), t.sealedTable());
            try {
                byte[] wrapped = vault.rewrap(dataKey, owner, t.generation());
                int version = vault.keyVersionOf(wrapped);
                tx.merchantTables().save(new MerchantTableRecord(t.merchantId(), t.tableId(), t.generation(),
                        vault.sealTable(dataKey, owner, t.generation(), version, cells), wrapped, version, t.cells(),
                        t.remainingCells(), t.thresholdMinor(), t.currency(), t.issuedAt(), now(), t.version()));
                audit(tx, "merchant-table.rewrapped", merchantId, t.tableId(), String.valueOf(version));
                return 1;
            } finally {
                SecretBytes.zero(cells);
            }
        } catch (IntegrityException e) {
            LOG.error("Merchant {}: table does not decrypt during rewrap ({})", merchantId, e.getMessage());
            return 0;
        }
    }

    @Override
    public MerchantChallenge challenge(String merchantId, String requestDigest) {
        if (requestDigest == null || !requestDigest.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("the request digest is the lower-case hex SHA-256 of the body");
        }
        Instant now = now();
        MerchantChallenge issued = store.transact(tx -> {
            MerchantTableRecord t = tx.merchantTables().lockForUpdate(merchantId).orElseThrow(() -> noTable(merchantId));
            String owner = OWNER + merchantId;
            try (SecretBytes dataKey = vault.dataKey(t.wrappedDataKey(), owner, t.generation())) {
                byte[] cells = vault.openTable(dataKey, owner, t.generation(), t.keyVersion(), t.sealedTable());
                try {
                    int address = TableCells.pickUnused(cells, a -> tx.challenges().markCellUsed(owner, t.tableId(),
                            t.generation(), a, now));
                    // Accord deletes its copy of the cell now, whatever the answer will be (claims 2-4)
                    byte[] cell = TableCells.take(cells, address);
                    String challengeId = "mch_" + Hex.encode(ServerProtocol.newId());
                    byte[] binding = vault.sealChallenge(dataKey, owner, t.generation(), challengeId, cell);
                    SecretBytes.zero(cell);
                    Instant expiresAt = now.plus(policy.lifetime());
                    tx.merchantTables().save(new MerchantTableRecord(t.merchantId(), t.tableId(), t.generation(),
                            vault.sealTable(dataKey, owner, t.generation(), t.keyVersion(), cells), t.wrappedDataKey(),
                            t.keyVersion(), t.cells(), t.remainingCells() - 1, t.thresholdMinor(), t.currency(),
                            t.issuedAt(), now, t.version()));
                    tx.merchantTables().insertChallenge(new MerchantChallengeRecord(challengeId, merchantId,
                            t.tableId(), t.generation(), address, requestDigest, binding, now, expiresAt,
                            ChallengeState.OPEN, null));
                    audit(tx, "merchant-challenge.issued", merchantId, challengeId, t.tableId(),
                            String.valueOf(address), requestDigest);
                    return new MerchantChallenge(challengeId, t.tableId(), t.generation(), address, requestDigest,
                            expiresAt);
                } finally {
                    SecretBytes.zero(cells);
                }
            } catch (IntegrityException e) {
                LOG.error("Merchant {}: stored table does not decrypt ({})", merchantId, e.getMessage());
                throw new IllegalStateException("the identification table of merchant " + merchantId
                        + " is unreadable");
            }
        });
        LOG.info("Merchant {} challenged on cell {} ({})", merchantId, issued.cell(), issued.challengeId());
        return issued;
    }

    @Override
    public void verify(String merchantId, String challengeId, String requestDigest, String proof) {
        Instant now = now();
        // refusals that record something (an expiry, an audit entry) commit, then throw
        String refusal = store.transact(tx -> verifyIn(tx, merchantId, challengeId, requestDigest, proof, now));
        if (refusal != null) {
            LOG.info("Merchant {}: proof for challenge {} refused ({})", merchantId, challengeId, refusal);
            throw new ChallengeException(refusal, switch (refusal) {
                case ChallengeException.MERCHANT_PROOF_USED -> "this merchant challenge was already answered";
                case ChallengeException.MERCHANT_CHALLENGE_EXPIRED -> "this merchant challenge expired: send the"
                        + " request without a proof for a new one";
                default -> "the merchant proof does not answer a challenge of yours for this request";
            });
        }
    }

    /** @return null when the proof is accepted (the challenge is then used), else the refusal's code */
    private String verifyIn(StoreTransaction tx, String merchantId, String challengeId, String requestDigest,
            String proof, Instant now) {
        MerchantChallengeRecord c = challengeId == null || challengeId.length() > 64 ? null
                : tx.merchantTables().findChallenge(challengeId).filter(x -> x.merchantId().equals(merchantId))
                        .orElse(null);
        if (c == null) {
            return ChallengeException.MERCHANT_PROOF_INVALID;
        }
        if (c.state() == ChallengeState.APPROVED) {
            return ChallengeException.MERCHANT_PROOF_USED;
        }
        if (c.state() == ChallengeState.EXPIRED) {
            return ChallengeException.MERCHANT_CHALLENGE_EXPIRED;
        }
        if (c.state() != ChallengeState.OPEN) {
            return ChallengeException.MERCHANT_PROOF_INVALID;
        }
        if (!c.expiresAt().isAfter(now)) {
            tx.merchantTables().closeChallenge(challengeId, ChallengeState.EXPIRED, now);
            audit(tx, "merchant-challenge.expired", merchantId, challengeId);
            return ChallengeException.MERCHANT_CHALLENGE_EXPIRED;
        }
        MerchantTableRecord t = tx.merchantTables().find(merchantId).orElse(null);
        if (t == null || t.generation() != c.generation() || !t.tableId().equals(c.tableId())
                || !c.requestDigest().equals(requestDigest) || proof == null || !matches(t, c, proof)) {
            audit(tx, "merchant-challenge.refused", merchantId, challengeId);
            return ChallengeException.MERCHANT_PROOF_INVALID;
        }
        if (!tx.merchantTables().closeChallenge(challengeId, ChallengeState.APPROVED, now)) {
            return ChallengeException.MERCHANT_PROOF_USED;
        }
        audit(tx, "merchant-challenge.answered", merchantId, challengeId);
        return null;
    }

    private boolean matches(MerchantTableRecord t, MerchantChallengeRecord c, String proof) {
        String owner = OWNER + t.merchantId();
        try (SecretBytes dataKey = vault.dataKey(t.wrappedDataKey(), owner, t.generation())) {
            byte[] cell = vault.openChallenge(dataKey, owner, t.generation(), c.challengeId(), c.binding());
            try {
                return ConstantTime.equals(proof(cell, c.challengeId(), c.requestDigest())
                        .getBytes(StandardCharsets.US_ASCII), proof.getBytes(StandardCharsets.US_ASCII));
            } finally {
                SecretBytes.zero(cell);
            }
        } catch (IntegrityException e) {
            LOG.error("Merchant challenge {}: stored cell unreadable ({})", c.challengeId(), e.toString());
            return false;
        }
    }

    /** The proof a merchant computes from the cell: base64url without padding of the HMAC-SHA256 below. */
    static String proof(byte[] cell, String challengeId, String requestDigest) {
        byte[] mac = Hmac.sha256(cell, (PROOF_LABEL + "\n" + challengeId + "\n" + requestDigest)
                .getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    private Instant now() {
        return clock.now().truncatedTo(ChronoUnit.SECONDS);
    }

    private static void checkMerchant(String merchantId) {
        if (merchantId == null || merchantId.isBlank() || merchantId.length() > 64) {
            throw new IllegalArgumentException("a merchant id is 1 to 64 characters");
        }
    }

    private static String checkThreshold(long thresholdMinor, String currency) {
        if (thresholdMinor < 0) {
            throw new IllegalArgumentException("the threshold is an amount in minor units, 0 or more");
        }
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("the currency is an ISO 4217 code, e.g. EUR");
        }
        try {
            return Currency.getInstance(currency).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the currency is an ISO 4217 code, e.g. EUR");
        }
    }

    private static ChallengeException noTable(String merchantId) {
        return new ChallengeException(ChallengeException.NO_MERCHANT_TABLE,
                "merchant " + merchantId + " has no identification table");
    }

    private static MerchantTableStatus status(MerchantTableRecord t) {
        return new MerchantTableStatus(t.merchantId(), t.tableId(), t.generation(), t.cells(), t.remainingCells(),
                t.thresholdMinor(), t.currency(), t.issuedAt());
    }

    private static void audit(StoreTransaction tx, String type, String... fields) {
        tx.audit().append(type, null, String.join("|", fields).getBytes(StandardCharsets.UTF_8));
    }
}
