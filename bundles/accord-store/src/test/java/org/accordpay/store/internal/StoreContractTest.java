package org.accordpay.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.accordpay.api.money.Money;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.purchase.PurchaseState;
import org.accordpay.api.purchase.dto.PurchaseItem;
import org.accordpay.api.store.ConcurrentUpdateException;
import org.accordpay.api.store.LedgerRepository;
import org.accordpay.api.store.StoreException;
import org.accordpay.api.store.dto.OutboxMessage;
import org.accordpay.api.store.dto.PendingWork;
import org.accordpay.api.store.dto.Posting;
import org.accordpay.api.store.dto.PostingLeg;
import org.accordpay.api.store.dto.PurchaseRecord;
import org.accordpay.api.store.dto.StoreInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The same contract on every supported database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreContractTest {

    static final Instant T0 = Instant.parse("2026-01-02T03:04:05.123456Z");

    protected StoreSettings settings;
    protected JpaStore store;

    /** @return settings of a fresh, empty database */
    protected abstract StoreSettings freshDatabase() throws Exception;

    protected void dropDatabase() throws Exception {
    }

    @BeforeAll
    void open() throws Exception {
        settings = freshDatabase();
        store = JpaStore.open(settings, getClass().getClassLoader(), Clock.systemUTC());
    }

    @AfterAll
    void close() throws Exception {
        if (store != null) {
            store.close();
        }
        dropDatabase();
    }

    static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    static PurchaseRecord purchase(String id, PurchaseState state) {
        return new PurchaseRecord(id, "m-1", "c-1", "order-" + id,
                List.of(new PurchaseItem("Tea", 350, 2), new PurchaseItem("Cup", 1200, 1)),
                Money.of(1900, "EUR"), state, Mode.TEST, T0, T0);
    }

    static OutboxMessage message(String id, String channel, Instant due) {
        return new OutboxMessage(id, channel, "carrier-1", null, "hello".getBytes(StandardCharsets.UTF_8), 0, due,
                T0, null);
    }

    static Posting posting(String id, String currency, long amount) {
        return new Posting(id, T0, null, "debit settled", List.of(
                new PostingLeg(LedgerRepository.ESCROW_ACCOUNT, Money.of(amount, currency)),
                new PostingLeg("bank:customer", Money.of(-amount, currency))));
    }

    @Test
    void migratedAndValidated() {
        StoreInfo info = store.info();
        assertThat(info.schemaVersion()).isEqualTo("1");
        assertThat(info.jdbcUrl()).doesNotContainIgnoringCase("password");
        assertThat(info.database()).isNotBlank();
        assertThat(info.problem()).isNull();
    }

    @Test
    void insertAndFindPurchaseWithItems() {
        String pid = id("p");
        store.transact(tx -> {
            tx.purchases().insert(purchase(pid, PurchaseState.REQUESTED));
            return null;
        });
        Optional<PurchaseRecord> found = store.transact(tx -> tx.purchases().find(pid));
        assertThat(found).contains(purchase(pid, PurchaseState.REQUESTED));
        assertThat(found.get().items()).extracting(PurchaseItem::name).containsExactly("Tea", "Cup");
        assertThat(store.<Optional<PurchaseRecord>>transact(tx -> tx.purchases().find("nope"))).isEmpty();
        assertThatThrownBy(() -> store.transact(tx -> {
            tx.purchases().insert(purchase(pid, PurchaseState.REQUESTED));
            return null;
        })).isInstanceOf(StoreException.class).hasMessageContaining("already exists");
    }

    @Test
    void transitionIsCompareAndSet() {
        String pid = id("p");
        store.transact(tx -> {
            tx.purchases().insert(purchase(pid, PurchaseState.REQUESTED));
            return null;
        });
        Instant t1 = T0.plusSeconds(60);
        PurchaseRecord moved = store.transact(
                tx -> tx.purchases().transition(pid, PurchaseState.REQUESTED, PurchaseState.CHALLENGED, t1));
        assertThat(moved.state()).isEqualTo(PurchaseState.CHALLENGED);
        assertThat(moved.updatedAt()).isEqualTo(t1);
        assertThat(moved.createdAt()).isEqualTo(T0);

        assertThatThrownBy(() -> store.transact(
                tx -> tx.purchases().transition(pid, PurchaseState.REQUESTED, PurchaseState.CHALLENGED, t1)))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThatThrownBy(() -> store.transact(
                tx -> tx.purchases().transition("missing", PurchaseState.REQUESTED, PurchaseState.CHALLENGED, t1)))
                .isInstanceOf(StoreException.class).isNotInstanceOf(ConcurrentUpdateException.class);
        // insert then transition in one transaction
        String pid2 = id("p");
        PurchaseRecord same = store.transact(tx -> {
            tx.purchases().insert(purchase(pid2, PurchaseState.REQUESTED));
            tx.purchases().find(pid2);
            return tx.purchases().transition(pid2, PurchaseState.REQUESTED, PurchaseState.CHALLENGED, t1);
        });
        assertThat(same.state()).isEqualTo(PurchaseState.CHALLENGED);
    }

    @Test
    void concurrentTransitionsOnlyOneWins() throws Exception {
        String pid = id("p");
        store.transact(tx -> {
            tx.purchases().insert(purchase(pid, PurchaseState.APPROVED));
            return null;
        });
        int workers = 4;
        CountDownLatch ready = new CountDownLatch(workers);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                results.add(pool.submit(() -> {
                    try {
                        return store.transact(tx -> {
                            tx.purchases().find(pid);
                            ready.countDown();
                            await(go);
                            tx.purchases().transition(pid, PurchaseState.APPROVED, PurchaseState.DEBIT_PENDING,
                                    T0.plusSeconds(1));
                            return "won";
                        });
                    } catch (ConcurrentUpdateException e) {
                        return "lost";
                    }
                }));
            }
            ready.await(10, TimeUnit.SECONDS);
            go.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get(30, TimeUnit.SECONDS));
            }
            assertThat(outcomes).containsOnlyOnce("won");
            assertThat(outcomes).filteredOn("lost"::equals).hasSize(workers - 1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.transact(tx -> tx.purchases().find(pid)).orElseThrow().state())
                .isEqualTo(PurchaseState.DEBIT_PENDING);
    }

    @Test
    void outboxLifecycle() {
        String channel = "ch" + UUID.randomUUID().toString().substring(0, 8);
        String a = id("o");
        String b = id("o");
        String c = id("o");
        Instant now = T0.plusSeconds(100);
        store.transact(tx -> {
            tx.outbox().enqueue(message(a, channel, T0));
            tx.outbox().enqueue(message(b, channel, now));
            tx.outbox().enqueue(message(c, channel, now.plusSeconds(1)));
            tx.outbox().enqueue(message(id("o"), "other" + channel, T0));
            return null;
        });
        List<OutboxMessage> due = store.transact(tx -> tx.outbox().due(channel, now, 10));
        assertThat(due).extracting(OutboxMessage::id).containsExactlyInAnyOrder(a, b);
        assertThat(new String(due.get(0).payload(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(store.<List<OutboxMessage>>transact(tx -> tx.outbox().due(channel, now, 1))).hasSize(1);

        store.transact(tx -> {
            tx.outbox().markDone(a, now);
            tx.outbox().reschedule(b, now.plusSeconds(30), "timeout");
            return null;
        });
        assertThat(store.<List<OutboxMessage>>transact(tx -> tx.outbox().due(channel, now, 10))).isEmpty();
        List<OutboxMessage> later = store.transact(tx -> tx.outbox().due(channel, now.plusSeconds(30), 10));
        assertThat(later).extracting(OutboxMessage::id).containsExactlyInAnyOrder(b, c);
        OutboxMessage rb = later.stream().filter(m -> m.id().equals(b)).findFirst().orElseThrow();
        assertThat(rb.attempts()).isEqualTo(1);
        assertThat(rb.lastError()).isEqualTo("timeout");
        assertThat(rb.nextAttemptAt()).isEqualTo(now.plusSeconds(30));
        assertThatThrownBy(() -> store.transact(tx -> {
            tx.outbox().markDone("missing", now);
            return null;
        })).isInstanceOf(StoreException.class);
    }

    @Test
    void ledgerPostingsBalanceAndAreIdempotent() {
        String cur = "JPY";
        Money before = store.transact(tx -> tx.ledger().balance(LedgerRepository.ESCROW_ACCOUNT, cur));
        String pid = id("post");
        assertThat(store.<Boolean>transact(tx -> tx.ledger().post(posting(pid, cur, 500)))).isTrue();
        assertThat(store.<Boolean>transact(tx -> tx.ledger().post(posting(pid, cur, 500)))).isFalse();
        assertThat(store.<Boolean>transact(tx -> tx.ledger().post(posting(pid, cur, 999)))).isFalse();
        assertThat(store.<Money>transact(tx -> tx.ledger().balance(LedgerRepository.ESCROW_ACCOUNT, cur)))
                .isEqualTo(before.plus(Money.of(500, cur)));
        assertThat(store.transact(tx -> tx.ledger().balance("bank:customer", cur)).minorUnits()).isNegative();
        assertThat(store.<Money>transact(tx -> tx.ledger().balance("never-used", "CHF"))).isEqualTo(Money.of(0, "CHF"));

        Posting unbalanced = new Posting(id("post"), T0, null, "bad", List.of(
                new PostingLeg("a", Money.of(100, cur)), new PostingLeg("b", Money.of(-99, cur))));
        assertThatThrownBy(() -> store.transact(tx -> tx.ledger().post(unbalanced)))
                .isInstanceOf(IllegalArgumentException.class);
        Posting mixed = new Posting(id("post"), T0, null, "bad", List.of(
                new PostingLeg("a", Money.of(100, cur)), new PostingLeg("b", Money.of(-100, "EUR"))));
        assertThatThrownBy(() -> store.transact(tx -> tx.ledger().post(mixed)))
                .isInstanceOf(IllegalArgumentException.class);
        Posting multi = new Posting(id("post"), T0, null, "fx", List.of(
                new PostingLeg("a", Money.of(100, cur)), new PostingLeg("b", Money.of(-100, cur)),
                new PostingLeg("c", Money.of(7, "EUR")), new PostingLeg("d", Money.of(-7, "EUR"))));
        assertThat(store.<Boolean>transact(tx -> tx.ledger().post(multi))).isTrue();
    }

    @Test
    void concurrentDuplicatePostingBooksOnce() throws Exception {
        String cur = "SEK";
        String pid = id("post");
        int workers = 4;
        CountDownLatch ready = new CountDownLatch(workers);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            for (int i = 0; i < workers; i++) {
                results.add(pool.submit((Callable<Boolean>) () -> {
                    for (int attempt = 0; ; attempt++) {
                        boolean first = attempt == 0;
                        try {
                            return store.transact(tx -> {
                                if (first) {
                                    ready.countDown();
                                    await(go);
                                }
                                return tx.ledger().post(posting(pid, cur, 250));
                            });
                        } catch (ConcurrentUpdateException e) {
                            if (attempt > 3) {
                                throw e;
                            }
                        }
                    }
                }));
            }
            ready.await(10, TimeUnit.SECONDS);
            go.countDown();
            List<Boolean> outcomes = new ArrayList<>();
            for (Future<Boolean> f : results) {
                outcomes.add(f.get(30, TimeUnit.SECONDS));
            }
            assertThat(outcomes).containsOnlyOnce(true);
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.<Money>transact(tx -> tx.ledger().balance(LedgerRepository.ESCROW_ACCOUNT, cur)))
                .isEqualTo(Money.of(250, cur));
    }

    @Test
    void auditAppendReturnsIncreasingSeq() {
        List<Long> seqs = store.transact(tx -> {
            List<Long> s = new ArrayList<>();
            s.add(tx.audit().append("purchase.requested", "p-x", "a".getBytes(StandardCharsets.UTF_8)));
            s.add(tx.audit().append("purchase.approved", "p-x", "b".getBytes(StandardCharsets.UTF_8)));
            return s;
        });
        long third = store.transact(tx -> tx.audit().append("system.started", null, new byte[0]));
        assertThat(seqs.get(1)).isGreaterThan(seqs.get(0));
        assertThat(third).isGreaterThan(seqs.get(1));
        assertThat(JpaAuditLog.sha256Hex("abc".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void pendingWorkCountsUnfinishedThings() {
        PendingWork before = store.pendingWork();
        store.transact(tx -> {
            tx.purchases().insert(purchase(id("p"), PurchaseState.IN_ESCROW));
            tx.purchases().insert(purchase(id("p"), PurchaseState.SETTLED));
            tx.outbox().enqueue(message(id("o"), "sms", T0));
            tx.ledger().post(posting(id("post"), "GBP", 1234));
            return null;
        });
        PendingWork after = store.pendingWork();
        assertThat(after.openPurchases()).isEqualTo(before.openPurchases() + 1);
        assertThat(after.pendingOutbox()).isEqualTo(before.pendingOutbox() + 1);
        assertThat(after.escrowBalances().get("GBP"))
                .isEqualTo(before.escrowBalances().getOrDefault("GBP", 0L) + 1234);
        assertThat(after.isEmpty()).isFalse();
    }

    @Test
    void exceptionRollsEverythingBack() {
        String pid = id("p");
        String oid = id("o");
        String post = id("post");
        assertThatThrownBy(() -> store.transact(tx -> {
            tx.purchases().insert(purchase(pid, PurchaseState.REQUESTED));
            tx.outbox().enqueue(message(oid, "sms", T0));
            tx.ledger().post(posting(post, "NOK", 10));
            tx.audit().append("purchase.requested", pid, new byte[] {1});
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThat(store.<Optional<PurchaseRecord>>transact(tx -> tx.purchases().find(pid))).isEmpty();
        assertThat(store.<List<OutboxMessage>>transact(tx -> tx.outbox().due("sms", T0.plusSeconds(1), 1000)))
                .extracting(OutboxMessage::id).doesNotContain(oid);
        assertThat(store.<Money>transact(tx -> tx.ledger().balance(LedgerRepository.ESCROW_ACCOUNT, "NOK")))
                .isEqualTo(Money.of(0, "NOK"));
        assertThat(store.<Boolean>transact(tx -> tx.ledger().post(posting(post, "NOK", 10)))).isTrue();
    }

    @Test
    void transactionHandleDiesWithTheWork() {
        var leaked = store.transact(tx -> tx);
        assertThatThrownBy(leaked::purchases).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void committedDataSurvivesReopen() throws Exception {
        String pid = id("p");
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        store.transact(tx -> {
            tx.purchases().insert(purchase(pid, PurchaseState.REQUESTED));
            tx.purchases().transition(pid, PurchaseState.REQUESTED, PurchaseState.CHALLENGED, at);
            return null;
        });
        store.close();
        store = JpaStore.open(settings, getClass().getClassLoader(), Clock.systemUTC());
        PurchaseRecord again = store.transact(tx -> tx.purchases().find(pid)).orElseThrow();
        assertThat(again.state()).isEqualTo(PurchaseState.CHALLENGED);
        assertThat(again.updatedAt()).isEqualTo(at);
        assertThat(store.info().schemaVersion()).isEqualTo("1");
    }

    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch timeout");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
