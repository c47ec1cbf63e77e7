package org.accordpay.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.accordpay.api.audit.dto.AuditEntry;
import org.accordpay.api.audit.dto.AuditVerification;
import org.accordpay.api.store.dto.AuditHead;
import org.accordpay.api.time.AccordClock;
import org.accordpay.crypto.Ed25519;
import org.accordpay.store.internal.JpaStore;
import org.accordpay.store.internal.StoreSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chainer and the verifier on a real store (H2 file database); tampering with plain JDBC. */
class AuditTrailTest {

    static final AccordClock CLOCK = new AccordClock() {
        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public Clock asClock() {
            return Clock.systemUTC();
        }
    };

    @TempDir
    Path dir;

    String url;
    JpaStore store;
    AuditKey key;
    HeadFile heads;
    AuditChainer chainer;
    AuditTrailImpl trail;

    @BeforeEach
    void open() throws Exception {
        url = "jdbc:h2:" + dir.toAbsolutePath().toString().replace('\\', '/') + "/db/accord";
        key = AuditKey.open(dir.resolve("etc/accord-audit.p12"), new char[0], dir.resolve("etc/accord-audit.pub"));
        heads = new HeadFile(dir.resolve("data/accord/audit-heads.log"));
        openStore();
    }

    void openStore() throws Exception {
        store = JpaStore.open(StoreSettings.of(url, "sa", "", 4, 1), JpaStore.class.getClassLoader(), Clock.systemUTC());
        chainer = new AuditChainer(store, CLOCK, key, heads, 2);
        trail = new AuditTrailImpl(store, key, heads, 2);
    }

    @AfterEach
    void close() throws Exception {
        if (store != null) {
            store.close();
        }
        key.close();
    }

    long append(String type, String purchaseId, String body) {
        return store.transact(tx -> tx.audit().append(type, purchaseId, body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Three linked entries (chain positions 1..3 = seq 1..3). */
    List<Long> chainOfThree() {
        List<Long> seqs = List.of(append("purchase.requested", "p-1", "a"), append("purchase.approved", "p-1", "b"),
                append("system.started", null, "c"));
        assertThat(chainer.runOnce()).isEqualTo(3);
        assertThat(trail.verify().valid()).isTrue();
        return seqs;
    }

    /** Runs SQL on the database with the store closed, then reopens the store. */
    void tamper(String... sql) throws Exception {
        store.close();
        store = null;
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.executeUpdate(s);
            }
        }
        openStore();
    }

    @Test
    void linksOutOfOrderCommitsSignsHeadsAndVerifies() throws Exception {
        long first = append("purchase.requested", "p-1", "a");
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Long> slow = pool.submit(() -> store.transact(tx -> {
                long seq = tx.audit().append("purchase.approved", "p-1", "b".getBytes(StandardCharsets.UTF_8));
                appended.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return seq;
            }));
            assertThat(appended.await(10, TimeUnit.SECONDS)).isTrue();
            long third = append("purchase.settled", "p-1", "c");
            assertThat(chainer.runOnce()).isEqualTo(2); // seq 2 is not committed yet
            release.countDown();
            long second = slow.get(10, TimeUnit.SECONDS);
            assertThat(first).isLessThan(second);
            assertThat(second).isLessThan(third);
            assertThat(chainer.runOnce()).isEqualTo(1);
            assertThat(chainer.runOnce()).isZero();

            List<AuditEntry> entries = trail.forPurchase("p-1");
            assertThat(entries).extracting(AuditEntry::seq).containsExactly(first, second, third);
            assertThat(entries).extracting(AuditEntry::chainPos).containsExactly(1L, 3L, 2L);
            assertThat(entries).allSatisfy(e -> assertThat(e.chainHash()).hasSize(64));
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        AuditVerification v = trail.verify();
        assertThat(v.valid()).as(v.detail()).isTrue();
        assertThat(v.entries()).isEqualTo(3);
        assertThat(v.firstBadChainPos()).isZero();
        assertThat(v.detail()).contains("head file agrees (position 3)");

        AuditHead head = store.transact(tx -> tx.auditChain().lastHead()).orElseThrow();
        assertThat(head.chainPos()).isEqualTo(3);
        assertThat(head.keyId()).isEqualTo(key.keyId()).hasSize(16);
        assertThat(Ed25519.verify(HexFormat.of().parseHex(Files.readString(dir.resolve("etc/accord-audit.pub")).trim()),
                ChainCodec.headMessage(head.chainPos(), head.chainHash(), head.signedAt()), head.signature())).isTrue();
        assertThat(Files.readAllLines(heads.path())).hasSize(2);
        assertThat(heads.last()).contains(head);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                dir.resolve("etc/accord-audit.p12.password")))).isEqualTo("rw-------");

        // the same key comes back from the keystore
        try (AuditKey again = AuditKey.open(dir.resolve("etc/accord-audit.p12"), new char[0],
                dir.resolve("etc/accord-audit.pub"))) {
            assertThat(again.keyId()).isEqualTo(key.keyId());
        }
        // batches of 2: five more entries give heads at 5 and 8 positions later
        for (int i = 0; i < 5; i++) {
            append("purchase.requested", "p-" + i, "x" + i);
        }
        assertThat(chainer.runOnce()).isEqualTo(5);
        assertThat(trail.verify()).extracting(AuditVerification::valid, AuditVerification::entries)
                .containsExactly(true, 8L);
        // a second chainer is harmless
        AuditChainer other = new AuditChainer(store, CLOCK, key, heads, 10);
        append("purchase.requested", "p-9", "y");
        assertThat(other.runOnce() + chainer.runOnce()).isEqualTo(1);
        assertThat(trail.verify().valid()).isTrue();
    }

    @Test
    void emptyTrailIsValid() {
        AuditVerification v = trail.verify();
        assertThat(v.valid()).isTrue();
        assertThat(v.entries()).isZero();
    }

    @Test
    void alteredTypeFailsAtThatEntry() throws Exception {
        List<Long> seqs = chainOfThree();
        tamper("UPDATE audit_entry SET type = 'purchase.declined' WHERE chain_pos = 2");
        assertBad(trail.verify(), 2, seqs.get(1));
    }

    @Test
    void alteredDigestFailsAtThatEntry() throws Exception {
        List<Long> seqs = chainOfThree();
        tamper("UPDATE audit_entry SET digest = '" + "ab".repeat(32) + "' WHERE chain_pos = 1");
        assertBad(trail.verify(), 1, seqs.get(0));
    }

    @Test
    void deletedEntryFailsWhereItWas() throws Exception {
        List<Long> seqs = chainOfThree();
        tamper("DELETE FROM audit_entry WHERE chain_pos = 2");
        AuditVerification v = assertBad(trail.verify(), 2, seqs.get(2));
        assertThat(v.detail()).contains("missing");
    }

    @Test
    void deletedLastEntryFails() throws Exception {
        chainOfThree();
        tamper("DELETE FROM audit_entry WHERE chain_pos = 3");
        assertBad(trail.verify(), 3, 0);
    }

    @Test
    void reorderedEntriesFail() throws Exception {
        List<Long> seqs = chainOfThree();
        tamper("UPDATE audit_entry SET chain_pos = -1 WHERE chain_pos = 1",
                "UPDATE audit_entry SET chain_pos = 1 WHERE chain_pos = 2",
                "UPDATE audit_entry SET chain_pos = 2 WHERE chain_pos = -1");
        assertBad(trail.verify(), 1, seqs.get(1));
    }

    @Test
    void alteredHeadSignatureFails() throws Exception {
        chainOfThree();
        tamper("UPDATE audit_head SET signature = X'" + "00".repeat(64) + "' WHERE chain_pos = 3");
        AuditVerification v = assertBad(trail.verify(), 3, 3);
        assertThat(v.detail()).contains("signature");
    }

    @Test
    void rewrittenChainWithRecomputedHashesFailsAtTheSignedHead() throws Exception {
        chainOfThree();
        // an insider changes entry 2 and recomputes every chain hash after it: only the signature catches it
        tamper("UPDATE audit_entry SET type = 'purchase.declined' WHERE chain_pos = 2");
        store.close();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            String previous = ChainCodec.GENESIS;
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT seq, at, type, purchase_id, digest FROM audit_entry ORDER BY chain_pos")) {
                long pos = 0;
                while (rs.next()) {
                    pos++;
                    AuditEntry e = new AuditEntry(rs.getLong(1), Instant.EPOCH.plusNanos(rs.getLong(2) * 1000),
                            rs.getString(3), rs.getString(4), rs.getString(5), null, pos);
                    previous = ChainCodec.chainHash(previous, pos, e);
                    try (PreparedStatement ps = c.prepareStatement(
                            "UPDATE audit_entry SET chain_hash = ? WHERE chain_pos = ?")) {
                        ps.setString(1, previous);
                        ps.setLong(2, pos);
                        ps.executeUpdate();
                    }
                }
            }
        }
        openStore();
        AuditVerification v = assertBad(trail.verify(), 3, 3);
        assertThat(v.detail()).contains("differs from the signed head");
    }

    @Test
    void unsignedLinkedEntriesAfterTheHeadFailAndStopTheChainer() throws Exception {
        chainOfThree();
        long seq = append("purchase.requested", "p-2", "d");
        tamper("UPDATE audit_entry SET chain_pos = 4, chain_hash = '" + "cd".repeat(32) + "' WHERE seq = " + seq);
        AuditVerification v = assertBad(trail.verify(), 4, 0);
        assertThat(v.detail()).contains("after the last signed head");
        append("purchase.approved", "p-2", "e");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> chainer.runOnce())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("refusing");
    }

    @Test
    void headFileAheadOfTheDatabaseFails() throws Exception {
        chainOfThree();
        tamper("DELETE FROM audit_head");
        AuditVerification v = trail.verify();
        assertThat(v.valid()).isFalse();
    }

    @Test
    void alteredHeadFileLineFails() throws Exception {
        chainOfThree();
        AuditHead last = heads.last().orElseThrow();
        Files.writeString(heads.path(), last.chainPos() + " " + "ef".repeat(32) + " " + last.signedAt() + " "
                + last.keyId() + " " + java.util.Base64.getEncoder().encodeToString(last.signature()) + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        AuditVerification v = trail.verify();
        assertThat(v.valid()).isFalse();
        assertThat(v.detail()).contains("head file");
    }

    static AuditVerification assertBad(AuditVerification v, long chainPos, long seq) {
        assertThat(v.valid()).as(v.detail()).isFalse();
        assertThat(v.firstBadChainPos()).as(v.detail()).isEqualTo(chainPos);
        assertThat(v.firstBadSeq()).as(v.detail()).isEqualTo(seq);
        return v;
    }
}
