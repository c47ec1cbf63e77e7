package org.accordpay.challenge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.accordpay.api.challenge.ChallengeException;
import org.accordpay.api.challenge.dto.IssuedMerchantTable;
import org.accordpay.api.challenge.dto.MerchantChallenge;
import org.accordpay.api.store.dto.ChallengeState;
import org.accordpay.crypto.Argon2idParams;
import org.accordpay.crypto.InMemoryKeyCustody;
import org.accordpay.crypto.protocol.Hex;
import org.accordpay.crypto.protocol.Protocol;
import org.accordpay.store.internal.JpaStore;
import org.accordpay.store.internal.StoreSettings;
import org.accordpay.testkit.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Merchants' identification tables against the real store on H2, answered as a merchant would from its copy. */
class MerchantTableServiceTest {

    private static final String DIGEST = Hex.encode(new byte[32]).replace('0', 'a');
    private static final String OTHER_DIGEST = Hex.encode(new byte[32]).replace('0', 'b');

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock();
    private final InMemoryKeyCustody custody = new InMemoryKeyCustody();
    private JpaStore store;
    private MerchantTableService tables;

    @BeforeEach
    void start() throws Exception {
        store = JpaStore.open(StoreSettings.of("jdbc:h2:" + dir.resolve("db"), "sa", "", 4, 1),
                JpaStore.class.getClassLoader(), clock.asClock());
        tables = new MerchantTableService(store, clock, custody, ChallengePolicy.defaults(Argon2idParams.TEST_ONLY));
    }

    @AfterEach
    void stop() throws Exception {
        store.close();
    }

    /** What the merchant computes from its copy of the table (docs/merchant-api.md). */
    private static String proof(IssuedMerchantTable table, MerchantChallenge c, String digest) {
        byte[] cell = Arrays.copyOfRange(table.cells(), c.cell() * table.cellLength(),
                (c.cell() + 1) * table.cellLength());
        return MerchantTableService.proof(cell, c.challengeId(), digest);
    }

    @Test
    void theThresholdDecidesAndAnotherCurrencyAlwaysNeedsAProof() {
        assertThat(tables.proofRequired("m1", 1_000_000, "EUR")).as("no table: never").isFalse();
        tables.issueTable("m1", 50_000, "EUR", "op");
        assertThat(tables.proofRequired("m1", 49_999, "EUR")).isFalse();
        assertThat(tables.proofRequired("m1", 50_000, "EUR")).isTrue();
        assertThat(tables.proofRequired("m1", 1, "USD")).isTrue();
        tables.setThreshold("m1", 100_000, "EUR", "op");
        assertThat(tables.proofRequired("m1", 50_000, "EUR")).isFalse();
        assertThat(tables.table("m1")).hasValueSatisfying(t -> assertThat(t.thresholdMinor()).isEqualTo(100_000));
        assertThatThrownBy(() -> tables.setThreshold("m2", 1, "EUR", "op")).isInstanceOfSatisfying(
                ChallengeException.class, e -> assertThat(e.code()).isEqualTo(ChallengeException.NO_MERCHANT_TABLE));
        assertThatThrownBy(() -> tables.issueTable("m1", -1, "EUR", "op")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tables.issueTable("m1", 1, "EURO", "op"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRightProofIsAcceptedOnceAndTheCellIsGoneFromAccordsCopy() {
        IssuedMerchantTable table = tables.issueTable("m1", 0, "EUR", "op");
        assertThat(table.cellCount()).isEqualTo(1024);
        MerchantChallenge c = tables.challenge("m1", DIGEST);
        assertThat(tables.table("m1").orElseThrow().remainingCells()).isEqualTo(1023);
        String proof = proof(table, c, DIGEST);

        tables.verify("m1", c.challengeId(), DIGEST, proof);
        assertThat(store.transact(tx -> tx.merchantTables().findChallenge(c.challengeId())).orElseThrow().state())
                .isEqualTo(ChallengeState.APPROVED);
        assertThatThrownBy(() -> tables.verify("m1", c.challengeId(), DIGEST, proof)).isInstanceOfSatisfying(
                ChallengeException.class, e -> assertThat(e.code()).isEqualTo(ChallengeException.MERCHANT_PROOF_USED));
        boolean unused = store.transact(tx -> tx.challenges().markCellUsed(MerchantTableService.OWNER + "m1",
                table.tableId(), table.generation(), c.cell(), clock.now()));
        assertThat(unused).as("the used-cell log has it").isFalse();
    }

    @Test
    void aWrongProofAnotherBodyOrAnotherMerchantIsRefusedAndChangesNothing() {
        IssuedMerchantTable table = tables.issueTable("m1", 0, "EUR", "op");
        tables.issueTable("m2", 0, "EUR", "op");
        MerchantChallenge c = tables.challenge("m1", DIGEST);
        String proof = proof(table, c, DIGEST);
        for (Runnable wrong : new Runnable[] {
                () -> tables.verify("m1", c.challengeId(), DIGEST, proof.substring(1) + "A"),
                () -> tables.verify("m1", c.challengeId(), OTHER_DIGEST, proof),
                () -> tables.verify("m1", c.challengeId(), OTHER_DIGEST, proof(table, c, OTHER_DIGEST)),
                () -> tables.verify("m2", c.challengeId(), DIGEST, proof),
                () -> tables.verify("m1", "mch_unknown", DIGEST, proof)}) {
            assertThatThrownBy(wrong::run).isInstanceOfSatisfying(ChallengeException.class,
                    e -> assertThat(e.code()).isEqualTo(ChallengeException.MERCHANT_PROOF_INVALID));
        }
        assertThat(store.transact(tx -> tx.merchantTables().findChallenge(c.challengeId())).orElseThrow().state())
                .isEqualTo(ChallengeState.OPEN);
        tables.verify("m1", c.challengeId(), DIGEST, proof);
    }

    @Test
    void aRotatedKeyRewrapsTheTablesAndAnOpenChallengeStillVerifies() {
        IssuedMerchantTable table = tables.issueTable("m1", 0, "EUR", "op");
        tables.issueTable("m2", 0, "EUR", "op");
        MerchantChallenge open = tables.challenge("m1", DIGEST);
        custody.rotate();
        int version = custody.currentKeyVersion();
        assertThat(tables.rewrap(1)).isEqualTo(1);
        assertThat(tables.rewrap(10)).isEqualTo(1);
        assertThat(tables.rewrap(10)).as("none left on the old version").isZero();
        assertThat(store.<Integer>transact(tx -> tx.merchantTables().find("m1").orElseThrow().keyVersion()))
                .isEqualTo(version);
        assertThat(store.<java.util.List<String>>transact(tx -> tx.merchantTables().merchantsWithKeyVersionBelow(
                version, 10))).isEmpty();
        // the challenge issued before the rotation, and a new one, verify under the re-wrapped table
        tables.verify("m1", open.challengeId(), DIGEST, proof(table, open, DIGEST));
        MerchantChallenge next = tables.challenge("m1", OTHER_DIGEST);
        tables.verify("m1", next.challengeId(), OTHER_DIGEST, proof(table, next, OTHER_DIGEST));
    }

    @Test
    void anExpiredChallengeIsRefusedEvenWithTheRightProof() {
        IssuedMerchantTable table = tables.issueTable("m1", 0, "EUR", "op");
        MerchantChallenge c = tables.challenge("m1", DIGEST);
        clock.advance(Duration.ofSeconds(Protocol.DEFAULT_LIFETIME_SECONDS));
        assertThatThrownBy(() -> tables.verify("m1", c.challengeId(), DIGEST, proof(table, c, DIGEST)))
                .isInstanceOfSatisfying(ChallengeException.class, e -> assertThat(e.code())
                        .isEqualTo(ChallengeException.MERCHANT_CHALLENGE_EXPIRED));
        assertThat(store.transact(tx -> tx.merchantTables().findChallenge(c.challengeId())).orElseThrow().state())
                .isEqualTo(ChallengeState.EXPIRED);
    }

    @Test
    void aNewTableRetiresTheOldOnesChallengesAndEveryCellIsChallengedOnce() {
        tables = new MerchantTableService(store, clock, custody, new ChallengePolicy(Duration.ofMinutes(3), 16, 10, 30,
                5, 10, Duration.ofDays(30), Argon2idParams.TEST_ONLY));
        IssuedMerchantTable first = tables.issueTable("m1", 0, "EUR", "op");
        MerchantChallenge old = tables.challenge("m1", DIGEST);
        IssuedMerchantTable second = tables.issueTable("m1", 0, "EUR", "op");
        assertThat(second.generation()).isEqualTo(2);
        assertThat(second.tableId()).isNotEqualTo(first.tableId());
        assertThatThrownBy(() -> tables.verify("m1", old.challengeId(), DIGEST, proof(first, old, DIGEST)))
                .isInstanceOfSatisfying(ChallengeException.class, e -> assertThat(e.code())
                        .isEqualTo(ChallengeException.MERCHANT_PROOF_INVALID));

        Set<Integer> cells = new HashSet<>();
        for (int i = 0; i < second.cellCount(); i++) {
            assertThat(cells.add(tables.challenge("m1", DIGEST).cell())).isTrue();
        }
        assertThatThrownBy(() -> tables.challenge("m1", DIGEST)).isInstanceOfSatisfying(ChallengeException.class,
                e -> assertThat(e.code()).isEqualTo(ChallengeException.TABLE_EXHAUSTED));
    }

    @Test
    void theProofIsTheDocumentedHmac() throws Exception {
        byte[] cell = new byte[16];
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(cell, "HmacSHA256"));
        String expected = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                mac.doFinal(("accord-merchant-proof-v1\nmch_1\n" + DIGEST).getBytes(StandardCharsets.UTF_8)));
        assertThat(MerchantTableService.proof(cell, "mch_1", DIGEST)).isEqualTo(expected).hasSize(43)
                .as("the openssl recipe of docs/merchant-api.md gives").isEqualTo("qQIPSCA6vFg3g4rIkok8mvDL4BT3e2Q-dhde5D4qQvI");
    }
}
