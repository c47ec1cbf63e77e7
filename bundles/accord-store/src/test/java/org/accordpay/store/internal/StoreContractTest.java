package org.accordpay.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.accordpay.api.money.Money;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.purchase.PurchaseState;
import org.accordpay.api.purchase.dto.PurchaseItem;
import org.accordpay.api.audit.dto.AuditEntry;
import org.accordpay.api.store.ConcurrentUpdateException;
import org.accordpay.api.store.LedgerRepository;
import org.accordpay.api.store.StoreException;
import org.accordpay.api.store.dto.AuditHead;
import org.accordpay.api.store.dto.ChallengeRecord;
import org.accordpay.api.store.dto.ChallengeState;
import org.accordpay.api.store.dto.CustomerCredential;
import org.accordpay.api.store.dto.PendingGeneration;
import org.accordpay.api.store.dto.OutboxMessage;
import org.accordpay.api.store.dto.SmsAttempt;
import org.accordpay.api.store.dto.SmsReport;
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
    void aMerchantTableIsReplacedOnlyUnderItsLockAndAChallengeClosesOnce() {
        String merchant = "m-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        org.accordpay.api.store.dto.MerchantTableRecord first = new org.accordpay.api.store.dto.MerchantTableRecord(
                merchant, "t1", 1, new byte[] {1, 2}, new byte[] {3}, 1, 16, 16, 50_000, "EUR", now, now, 0);
        store.transact(tx -> {
            tx.merchantTables().save(first);
            return null;
        });
        org.accordpay.api.store.dto.MerchantTableRecord stored = store.transact(tx -> tx.merchantTables()
                .find(merchant)).orElseThrow();
        assertThat(stored.sealedTable()).containsExactly(1, 2);
        assertThat(stored.thresholdMinor()).isEqualTo(50_000);
        org.accordpay.api.store.dto.MerchantTableRecord next = new org.accordpay.api.store.dto.MerchantTableRecord(
                merchant, "t1", 1, new byte[] {9}, new byte[] {3}, 1, 16, 15, 50_000, "EUR", now, now,
                stored.version());
        assertThatThrownBy(() -> store.transact(tx -> {
            tx.merchantTables().save(next);
            return null;
        })).as("not locked").isInstanceOf(IllegalStateException.class);
        store.transact(tx -> {
            tx.merchantTables().lockForUpdate(merchant).orElseThrow();
            tx.merchantTables().save(next);
            return null;
        });
        assertThat(store.transact(tx -> tx.merchantTables().find(merchant)).orElseThrow().remainingCells())
                .isEqualTo(15);

        String challenge = "mch_" + UUID.randomUUID().toString().replace("-", "");
        store.transact(tx -> {
            tx.merchantTables().insertChallenge(new org.accordpay.api.store.dto.MerchantChallengeRecord(challenge,
                    merchant, "t1", 1, 7, "ab".repeat(32), new byte[] {5}, now, now.plusSeconds(180),
                    ChallengeState.OPEN, null));
            return null;
        });
        boolean approved = store.transact(tx -> tx.merchantTables().closeChallenge(challenge, ChallengeState.APPROVED,
                now));
        boolean again = store.transact(tx -> tx.merchantTables().closeChallenge(challenge, ChallengeState.EXPIRED, now));
        assertThat(approved).isTrue();
        assertThat(again).as("closed once").isFalse();
        org.accordpay.api.store.dto.MerchantChallengeRecord closed = store.transact(tx -> tx.merchantTables()
                .findChallenge(challenge)).orElseThrow();
        assertThat(closed).satisfies(c -> {
                    assertThat(c.state()).isEqualTo(ChallengeState.APPROVED);
                    assertThat(c.cellAddress()).isEqualTo(7);
                    assertThat(c.requestDigest()).isEqualTo("ab".repeat(32));
                    assertThat(c.answeredAt()).isEqualTo(now);
                });
    }

    @Test
    void anEventIsFoundByItsId() {
        String eventId = "evt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        store.transact(tx -> tx.merchantEvents().append(new org.accordpay.api.purchase.dto.MerchantEvent(0,
                eventId, "m-events", "pur_x", "purchase.in_escrow", "{}", now)));
        Optional<org.accordpay.api.purchase.dto.MerchantEvent> found = store.transact(tx -> tx.merchantEvents()
                .find(eventId));
        Optional<org.accordpay.api.purchase.dto.MerchantEvent> none = store.transact(tx -> tx.merchantEvents()
                .find("evt_none"));
        assertThat(found).hasValueSatisfying(e -> {
            assertThat(e.seq()).isPositive();
            assertThat(e.merchantId()).isEqualTo("m-events");
        });
        assertThat(none).isEmpty();
    }

    @Test
    void eventsAreNumberedInCommitOrderSoACursorNeverSkipsOne() throws Exception {
        String merchant = "m-order-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        java.util.function.Consumer<String> append = id -> store.transact(tx -> tx.merchantEvents().append(
                new org.accordpay.api.purchase.dto.MerchantEvent(0, id, merchant, "pur_x", "purchase.in_escrow", "{}",
                        now)));
        // a rolled-back append leaves no gap
        append.accept("evt_a" + UUID.randomUUID().toString().substring(0, 8));
        assertThatThrownBy(() -> store.transact(tx -> {
            tx.merchantEvents().append(new org.accordpay.api.purchase.dto.MerchantEvent(0, "evt_rolled_back_"
                    + UUID.randomUUID().toString().substring(0, 8), merchant, "pur_x", "purchase.in_escrow", "{}", now));
            throw new IllegalStateException("roll back");
        })).isInstanceOf(IllegalStateException.class);
        append.accept("evt_b" + UUID.randomUUID().toString().substring(0, 8));
        List<Long> two = store.<List<org.accordpay.api.purchase.dto.MerchantEvent>>transact(tx -> tx.merchantEvents()
                .list(merchant, 0, 10)).stream().map(org.accordpay.api.purchase.dto.MerchantEvent::seq).toList();
        assertThat(two).hasSize(2);
        assertThat(two.get(1)).as("no gap after a rollback (unless another test appended meanwhile)")
                .isGreaterThan(two.get(0));

        // writers append concurrently while a reader moves a cursor as the webhook deliverer does
        int writers = 6;
        int each = 40;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        long[] cursor = {two.get(1)};
        Thread reader = new Thread(() -> {
            boolean last = false;
            while (!last) {
                last = done.get();
                for (var e : store.<List<org.accordpay.api.purchase.dto.MerchantEvent>>transact(tx -> tx
                        .merchantEvents().list(merchant, cursor[0], 1000))) {
                    seen.add(e.eventId());
                    cursor[0] = e.seq();
                }
            }
        });
        reader.start();
        List<java.util.concurrent.Future<?>> work = new java.util.ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            work.add(pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    append.accept("evt_w" + writer + "_" + i + "_" + merchant);
                }
            }));
        }
        for (var f : work) {
            f.get();
        }
        done.set(true);
        reader.join(30_000);
        pool.shutdown();
        assertThat(seen).as("the cursor saw every committed event").hasSize(writers * each);
    }

    @Test
    void migratedAndValidated() {
        StoreInfo info = store.info();
        assertThat(info.schemaVersion()).isEqualTo("16");
        assertThat(info.jdbcUrl()).doesNotContainIgnoringCase("password");
        assertThat(info.database()).isNotBlank();
        assertThat(info.problem()).isNull();
    }

    @Test
    void aHostedCheckoutIsFoundByItsTokenHashAndTakesItsCustomerOnce() {
        String pid = id("p");
        String hash = "a".repeat(48) + pid.substring(pid.length() - 16);
        PurchaseRecord waiting = new PurchaseRecord(pid, "m-1", null, "order-" + pid,
                List.of(new PurchaseItem("Tea", 350, 2)), Money.of(700, "EUR"), PurchaseState.AWAITING_CUSTOMER,
                Mode.TEST, T0, T0);
        store.transact(tx -> {
            tx.purchases().insertCheckout(waiting, hash);
            return null;
        });
        assertThat(store.<Optional<PurchaseRecord>>transact(tx -> tx.purchases().findByCheckoutToken(hash)))
                .hasValueSatisfying(p -> {
                    assertThat(p.id()).isEqualTo(pid);
                    assertThat(p.customerId()).isNull();
                    assertThat(p.state()).isEqualTo(PurchaseState.AWAITING_CUSTOMER);
                });
        assertThat(store.<Optional<PurchaseRecord>>transact(tx -> tx.purchases().findByCheckoutToken("b".repeat(64))))
                .isEmpty();
        assertThatThrownBy(() -> store.transact(tx -> {
            tx.purchases().insertCheckout(purchase(id("p"), PurchaseState.AWAITING_CUSTOMER), hash);
            return null;
        })).isInstanceOf(StoreException.class);

        PurchaseRecord attached = store.transact(tx -> tx.purchases().update(waiting.withCustomer("c-9")
                .moveTo(PurchaseState.CHALLENGED, T0.plusSeconds(5), null), PurchaseState.AWAITING_CUSTOMER));
        assertThat(attached.customerId()).isEqualTo("c-9");
        PurchaseRecord replaced = store.transact(tx -> tx.purchases().update(attached.withCustomer("c-other"),
                PurchaseState.CHALLENGED));
        assertThat(replaced.customerId()).as("a customer is never replaced").isEqualTo("c-9");
        assertThat(store.<List<PurchaseRecord>>transact(tx -> tx.purchases().listForCustomer("c-9", T0,
                T0.plusSeconds(60), null, 10))).extracting(PurchaseRecord::id).containsExactly(pid);
    }

    @Test
    void returnUrlsAreExactPerMerchantAndModeAndUnique() {
        String merchant = id("m");
        String url = "https://shop.example/return?order=1&x=%C3%A9";
        var first = new org.accordpay.api.store.dto.ReturnUrlRecord(id("rurl"), merchant, Mode.TEST, url, T0);
        store.transact(tx -> {
            tx.returnUrls().insert(first);
            tx.returnUrls().insert(new org.accordpay.api.store.dto.ReturnUrlRecord(id("rurl"), merchant, Mode.LIVE, url,
                    T0.plusSeconds(1)));
            return null;
        });
        assertThat(store.<Optional<org.accordpay.api.store.dto.ReturnUrlRecord>>transact(tx -> tx.returnUrls()
                .find(merchant, Mode.TEST, url))).contains(first);
        for (String other : List.of(url + "/", "https://SHOP.example/return?order=1&x=%C3%A9",
                "https://shop.example/return?order=1")) {
            assertThat(store.<Optional<org.accordpay.api.store.dto.ReturnUrlRecord>>transact(tx -> tx.returnUrls()
                    .find(merchant, Mode.TEST, other))).as(other).isEmpty();
        }
        assertThat(store.<Optional<org.accordpay.api.store.dto.ReturnUrlRecord>>transact(tx -> tx.returnUrls()
                .find("someone-else", Mode.TEST, url))).isEmpty();
        assertThatThrownBy(() -> store.transact(tx -> {
            tx.returnUrls().insert(new org.accordpay.api.store.dto.ReturnUrlRecord(id("rurl"), merchant, Mode.TEST,
                    url, T0));
            return null;
        })).isInstanceOf(StoreException.class).hasMessageContaining("already exists");
        String second = "https://shop.example/" + "x".repeat(950);
        store.transact(tx -> {
            tx.returnUrls().insert(new org.accordpay.api.store.dto.ReturnUrlRecord(id("rurl"), merchant, Mode.TEST,
                    second, T0.plusSeconds(2)));
            return null;
        });
        assertThat(store.<List<org.accordpay.api.store.dto.ReturnUrlRecord>>transact(tx -> tx.returnUrls()
                .forMerchant(merchant, Mode.TEST))).extracting(org.accordpay.api.store.dto.ReturnUrlRecord::url)
                .containsExactly(url, second);
        assertThat(store.<Boolean>transact(tx -> tx.returnUrls().delete(first.id()))).isTrue();
        assertThat(store.<Boolean>transact(tx -> tx.returnUrls().delete(first.id()))).isFalse();
        assertThat(store.<List<org.accordpay.api.store.dto.ReturnUrlRecord>>transact(tx -> tx.returnUrls()
                .forMerchant(merchant, Mode.TEST))).extracting(org.accordpay.api.store.dto.ReturnUrlRecord::url)
                .containsExactly(second);
        assertThat(store.<List<org.accordpay.api.store.dto.ReturnUrlRecord>>transact(tx -> tx.returnUrls()
                .forMerchant(merchant, Mode.LIVE))).hasSize(1);
    }

    @Test
    void merchantOrdersArePagedNewestFirstWithFiltersAndNeverAnotherMerchants() {
        String merchant = id("m");
        String other = id("m");
        int rows = 600;
        store.transact(tx -> {
            for (int i = 0; i < rows; i++) {
                PurchaseState state = i % 3 == 0 ? PurchaseState.IN_ESCROW : i % 3 == 1 ? PurchaseState.SETTLED
                        : PurchaseState.DECLINED;
                tx.purchases().insert(new PurchaseRecord(String.format("p-%s-%04d", merchant, i), merchant,
                        i % 10 == 0 ? "c-ten" : "c-other", "order-" + i, List.of(new PurchaseItem("Tea", 100 + i, 1)),
                        Money.of(100 + i, "EUR"), state, Mode.TEST, T0.plusSeconds(i), T0.plusSeconds(i)));
                tx.purchases().insert(new PurchaseRecord(String.format("p-%s-%04d", other, i), other, "c-ten",
                        "order-" + i, List.of(new PurchaseItem("Tea", 100 + i, 1)), Money.of(100 + i, "EUR"),
                        PurchaseState.IN_ESCROW, Mode.TEST, T0.plusSeconds(i), T0.plusSeconds(i)));
            }
            return null;
        });
        var all = org.accordpay.api.purchase.dto.MerchantOrderQuery.period(merchant, T0, T0.plusSeconds(rows));
        assertThat(store.<Long>transact(tx -> tx.purchases().countForMerchant(all))).isEqualTo(rows);
        List<String> seen = new java.util.ArrayList<>();
        for (int offset = 0; offset < rows; offset += 50) {
            int from = offset;
            List<PurchaseRecord> page = store.transact(tx -> tx.purchases().searchForMerchant(all, from, 50));
            assertThat(page).hasSize(50).allMatch(p -> p.merchantId().equals(merchant));
            page.forEach(p -> seen.add(p.id()));
        }
        // newest first, each row exactly once across the pages
        assertThat(seen).doesNotHaveDuplicates().hasSize(rows)
                .startsWith(String.format("p-%s-%04d", merchant, rows - 1)).endsWith(String.format("p-%s-%04d", merchant, 0));
        assertThat(store.<List<PurchaseRecord>>transact(tx -> tx.purchases().searchForMerchant(all, rows, 50))).isEmpty();

        var filtered = new org.accordpay.api.purchase.dto.MerchantOrderQuery(merchant, T0.plusSeconds(100),
                T0.plusSeconds(400), java.util.Set.of(PurchaseState.IN_ESCROW), 250L, 350L, "c-ten");
        // i in [150, 250], i % 3 == 0 and i % 10 == 0: 150, 180, 210, 240
        assertThat(store.<Long>transact(tx -> tx.purchases().countForMerchant(filtered))).isEqualTo(4);
        assertThat(store.<List<PurchaseRecord>>transact(tx -> tx.purchases().searchForMerchant(filtered, 0, 500)))
                .extracting(PurchaseRecord::merchantOrderRef).containsExactly("order-240", "order-210", "order-180",
                        "order-150");
        var unknown = org.accordpay.api.purchase.dto.MerchantOrderQuery.period(id("m"), T0, T0.plusSeconds(rows));
        assertThat(store.<Long>transact(tx -> tx.purchases().countForMerchant(unknown))).isZero();
    }

    @Test
    void merchantUsersHaveUniqueLoginsAndNewPasswords() {
        String merchant = id("m");
        String login = id("shop") + "@example.com";
        var user = new org.accordpay.api.store.dto.MerchantUserRecord(id("mu"), merchant, login, "$argon2id$hash1", T0,
                T0);
        store.transact(tx -> {
            tx.merchantUsers().insert(user);
            return null;
        });
        assertThat(store.<Optional<org.accordpay.api.store.dto.MerchantUserRecord>>transact(tx -> tx.merchantUsers()
                .findByLogin(login))).contains(user);
        assertThatThrownBy(() -> store.transact(tx -> {
            tx.merchantUsers().insert(new org.accordpay.api.store.dto.MerchantUserRecord(id("mu"), id("m"), login,
                    "$argon2id$hash2", T0, T0));
            return null;
        })).isInstanceOf(StoreException.class).hasMessageContaining("already exists");
        store.transact(tx -> {
            tx.merchantUsers().setPassword(user.id(), "$argon2id$hash3", T0.plusSeconds(5));
            return null;
        });
        assertThat(store.<List<org.accordpay.api.store.dto.MerchantUserRecord>>transact(tx -> tx.merchantUsers()
                .forMerchant(merchant))).singleElement().satisfies(u -> {
                    assertThat(u.passwordHash()).isEqualTo("$argon2id$hash3");
                    assertThat(u.passwordChangedAt()).isEqualTo(T0.plusSeconds(5));
                });
        assertThatThrownBy(() -> store.transact(tx -> {
            tx.merchantUsers().setPassword("mu-none", "x", T0);
            return null;
        })).isInstanceOf(StoreException.class);
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
    void claimedRowsLeaveTheDueListUntilTheirClaimEnds() {
        String channel = "ch" + UUID.randomUUID().toString().substring(0, 8);
        String a = id("o");
        String b = id("o");
        String done = id("o");
        Instant now = T0.plusSeconds(100);
        store.transact(tx -> {
            tx.outbox().enqueue(message(a, channel, now.minusSeconds(5)));
            tx.outbox().enqueue(message(b, channel, now.minusSeconds(10)));
            tx.outbox().enqueue(message(done, channel, T0));
            tx.outbox().markDone(done, now);
            return null;
        });
        assertThat(store.<List<OutboxMessage>>transact(tx -> tx.outbox().due(channel, now, 10)))
                .as("longest due first").extracting(OutboxMessage::id).containsExactly(b, a);
        store.transact(tx -> {
            tx.outbox().claim(List.of(a, done), now.plusSeconds(60));
            return null;
        });
        assertThat(store.<List<OutboxMessage>>transact(tx -> tx.outbox().due(channel, now.plusSeconds(59), 10)))
                .as("a claimed row is not handed to another worker").extracting(OutboxMessage::id).containsExactly(b);
        assertThat(store.<List<OutboxMessage>>transact(tx -> tx.outbox().due(channel, now.plusSeconds(60), 10)))
                .as("due again when its worker recorded nothing, a done row stays done")
                .extracting(OutboxMessage::id).containsExactly(b, a);
    }

    @Test
    void smsRowWaitsForItsDeliveryReportAndGoesToTheNextCarrierWithoutOne() {
        String channel = "ch" + UUID.randomUUID().toString().substring(0, 8);
        String m = id("o");
        Instant now = T0.plusSeconds(100);
        store.transact(tx -> {
            tx.outbox().enqueue(message(m, channel, T0));
            return null;
        });
        store.transact(tx -> {
            tx.outbox().awaitReceipt(new SmsAttempt(m, 1, "smpp-a", "+33612345678", now, null, null, null),
                    now.plusSeconds(60), "carrier:smpp-a/live");
            return null;
        });
        assertThat(store.<List<OutboxMessage>>transact(tx -> tx.outbox().due(channel, now.plusSeconds(59), 10)))
                .as("pending while the report may still come").isEmpty();
        assertThat(store.<List<OutboxMessage>>transact(tx -> tx.outbox().due(channel, now.plusSeconds(60), 10)))
                .as("due again once the report is late").extracting(OutboxMessage::id).containsExactly(m);

        assertThat(store.<java.util.Optional<SmsAttempt>>transact(tx -> tx.outbox().matchReport(m, "smpp-b", true, "DELIVRD", now)))
                .as("a report from a carrier that never had it matches nothing").isEmpty();
        store.transact(tx -> {
            tx.outbox().awaitReceipt(new SmsAttempt(m, 2, "smpp-b", "+33612345678", now.plusSeconds(61), null, null,
                    null), now.plusSeconds(121), "carrier:smpp-b/live");
            return null;
        });
        assertThat(store.<java.util.Optional<SmsAttempt>>transact(tx -> tx.outbox().matchReport(m, "smpp-b", false, "UNDELIV", now.plusSeconds(62))))
                .hasValueSatisfying(a -> assertThat(a.attemptNo()).isEqualTo(2));
        assertThat(store.<List<OutboxMessage>>transact(tx -> tx.outbox().due(channel, now.plusSeconds(62), 10)))
                .as("a failed report makes the row due at once").extracting(OutboxMessage::id).containsExactly(m);

        assertThat(store.<java.util.Optional<SmsAttempt>>transact(tx -> tx.outbox().matchReport(m, "smpp-a", true, "DELIVRD", now.plusSeconds(63))))
                .as("a late report still counts").isPresent();
        assertThat(store.<java.util.Optional<SmsAttempt>>transact(tx -> tx.outbox().matchReport(m, "smpp-a", true, "DELIVRD", now.plusSeconds(64))))
                .as("a duplicate report matches nothing").isEmpty();
        assertThat(store.<List<OutboxMessage>>transact(tx -> tx.outbox().due(channel, now.plusSeconds(999), 10)))
                .isEmpty();
        assertThat(store.<java.util.Optional<String>>transact(tx -> tx.outbox().deliveredVia(m))).hasValue("carrier:smpp-b/live");
        List<SmsAttempt> attempts = store.transact(tx -> tx.outbox().attempts(m));
        assertThat(attempts).extracting(SmsAttempt::carrierId).containsExactly("smpp-a", "smpp-b");
        assertThat(attempts).extracting(SmsAttempt::delivered).containsExactly(true, false);
        assertThatThrownBy(() -> store.transact(tx -> {
            tx.outbox().recordAttempt(new SmsAttempt(m, 2, "x", "+33612345678", now, null, null, null));
            return null;
        })).isInstanceOf(StoreException.class);
    }

    @Test
    void handOversAndReportsAreRecordedInBatches() {
        String channel = "ch" + UUID.randomUUID().toString().substring(0, 8);
        String a = id("o");
        String b = id("o");
        String c = id("o");
        Instant now = T0.plusSeconds(100);
        store.transact(tx -> {
            for (String m : List.of(a, b, c)) {
                tx.outbox().enqueue(message(m, channel, T0));
            }
            return null;
        });
        store.transact(tx -> {
            tx.outbox().awaitReceipts(List.of(new SmsAttempt(a, 1, "x", "+33612345678", now, null, null, null),
                    new SmsAttempt(b, 1, "x", "+33612345678", now, null, null, null),
                    new SmsAttempt(c, 1, "y", "+33612345678", now, null, null, null)), now.plusSeconds(60),
                    java.util.Map.of(a, "carrier:x/live", b, "carrier:x/live", c, "carrier:y/test"));
            return null;
        });
        assertThat(store.<List<OutboxMessage>>transact(tx -> tx.outbox().due(channel, now, 10))).isEmpty();
        List<java.util.Optional<SmsAttempt>> matched = store.transact(tx -> tx.outbox().matchReports(List.of(
                new SmsReport(a, "x", true, "DELIVRD"), new SmsReport(b, "x", false, "UNDELIV"),
                new SmsReport(c, "x", true, "wrong carrier"), new SmsReport(a, "x", true, "again")), now));
        assertThat(matched).extracting(java.util.Optional::isPresent).containsExactly(true, true, false, false);
        assertThat(store.<List<OutboxMessage>>transact(tx -> tx.outbox().due(channel, now, 10)))
                .as("b failed: due at once; a delivered; c still waits").extracting(OutboxMessage::id).containsExactly(b);
        assertThat(store.<java.util.Optional<String>>transact(tx -> tx.outbox().deliveredVia(c))).hasValue("carrier:y/test");
        assertThat(store.<List<OutboxMessage>>transact(tx -> tx.outbox().pending(100))).extracting(OutboxMessage::id)
                .doesNotContain(a).contains(b, c);
        String d = id("o");
        store.transact(tx -> {
            tx.outbox().enqueue(message(d, channel, T0));
            tx.outbox().awaitReceipts(List.of(new SmsAttempt(d, 1, "x", "+33612345678", now, now.plusMillis(3), true,
                    "DELIVRD")), now.plusSeconds(60), java.util.Map.of(d, "carrier:x/live"));
            return null;
        });
        assertThat(store.<List<SmsAttempt>>transact(tx -> tx.outbox().attempts(d)))
                .as("a report that overtook its hand-over is recorded with it").singleElement()
                .satisfies(at -> assertThat(at.delivered()).isTrue());
        assertThat(store.<List<OutboxMessage>>transact(tx -> tx.outbox().pending(100))).extracting(OutboxMessage::id)
                .as("and closes the row").doesNotContain(d);
        assertThat(store.<java.util.Optional<String>>transact(tx -> tx.outbox().deliveredVia(d))).hasValue("carrier:x/live");
        assertThatThrownBy(() -> store.transact(tx -> {
            tx.outbox().awaitReceipts(List.of(new SmsAttempt("missing", 1, "x", "+33612345678", now, null, null,
                    null)), now, java.util.Map.of("missing", "carrier:x/live"));
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
            tx.challenges().insert(challenge(id("ch"), id("c"), 1, T0.plusSeconds(60)));
            ChallengeRecord closed = challenge(id("ch"), id("c"), 2, T0.plusSeconds(60));
            tx.challenges().insert(closed);
            tx.challenges().close(closed.challengeId(), ChallengeState.OPEN, ChallengeState.APPROVED, T0);
            return null;
        });
        PendingWork after = store.pendingWork();
        assertThat(after.openChallenges()).isEqualTo(before.openChallenges() + 1);
        assertThat(after.toString()).contains(after.openChallenges() + " open challenge(s)");
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
        assertThat(store.info().schemaVersion()).isEqualTo("16");
    }

    @Test
    void operatorAccountsRoundTripLockAndStayUniqueByLogin() {
        String login = id("op");
        Instant created = Instant.now().truncatedTo(ChronoUnit.MICROS);
        org.accordpay.api.store.dto.OperatorRecord op = new org.accordpay.api.store.dto.OperatorRecord(login, "ADMIN",
                "$argon2id$v=19$m=8,t=1,p=1$c2FsdA$aGFzaA", "GEZDGNBVGY3TQOJQ", 0, null, -1, created);
        store.transact(tx -> {
            tx.operators().insert(op);
            return null;
        });
        assertThatThrownBy(() -> store.transact(tx -> {
            tx.operators().insert(op);
            return null;
        })).isInstanceOf(StoreException.class);

        Instant until = created.plusSeconds(900);
        store.transact(tx -> {
            org.accordpay.api.store.dto.OperatorRecord locked = tx.operators().lockForUpdate(login).orElseThrow();
            tx.operators().update(new org.accordpay.api.store.dto.OperatorRecord(login, locked.role(),
                    locked.passwordHash(), locked.totpSecret(), 4, until, 57_000_000L, locked.createdAt()));
            return null;
        });
        org.accordpay.api.store.dto.OperatorRecord again = store.transact(tx -> tx.operators().find(login)).orElseThrow();
        assertThat(again).isEqualTo(new org.accordpay.api.store.dto.OperatorRecord(login, "ADMIN", op.passwordHash(),
                op.totpSecret(), 4, until, 57_000_000L, created));
        java.util.List<org.accordpay.api.store.dto.OperatorRecord> all = store.transact(tx -> tx.operators().list());
        assertThat(all).extracting(r -> r.login()).contains(login);
        boolean deleted = store.transact(tx -> tx.operators().delete(login));
        boolean deletedTwice = store.transact(tx -> tx.operators().delete(login));
        java.util.Optional<org.accordpay.api.store.dto.OperatorRecord> gone = store.transact(tx -> tx.operators().find(login));
        assertThat(deleted).isTrue();
        assertThat(deletedTwice).isFalse();
        assertThat(gone).isEmpty();
    }

    static CustomerCredential credential(String customerId, Instant at) {
        return new CustomerCredential(customerId, "dev-" + customerId, new byte[] {1, 2, 3}, new byte[] {4, 5},
                "tbl-" + customerId, 1, new byte[] {9, 8, 7, 6}, new byte[] {42}, 1, 100, 0, null, null, at, at, null, 0);
    }

    static CustomerCredential with(CustomerCredential c, int remainingCells, int failures, Instant lockedAt,
            String reason, int keyVersion, Instant at) {
        return new CustomerCredential(c.customerId(), c.deviceId(), c.deviceSigningKey(), c.deviceTransportKey(),
                c.tableId(), c.generation(), c.sealedTable(), c.wrappedDataKey(), keyVersion, remainingCells, failures,
                lockedAt, reason, c.enrolledAt(), at, c.pending(), c.version());
    }

    static ChallengeRecord challenge(String challengeId, String customerId, int cell, Instant expiresAt) {
        return new ChallengeRecord(challengeId, customerId, cell, null, Mode.TEST,
                "bind".getBytes(StandardCharsets.UTF_8), T0, expiresAt, ChallengeState.OPEN, null, false);
    }

    @Test
    void insertFindAndUpdateCredential() {
        String cid = id("c");
        CustomerCredential c = credential(cid, T0);
        store.transact(tx -> {
            tx.credentials().insert(c);
            return null;
        });
        CustomerCredential found = store.transact(tx -> tx.credentials().find(cid)).orElseThrow();
        assertThat(found).isEqualTo(c);
        assertThat(found.sealedTable()).containsExactly(9, 8, 7, 6);
        assertThat(found.toString()).doesNotContain("[9, 8");
        assertThat(store.<Optional<CustomerCredential>>transact(tx -> tx.credentials().findByDevice(c.deviceId()))).contains(c);
        assertThat(store.<Optional<CustomerCredential>>transact(tx -> tx.credentials().findByDevice("nope")))
                .isEmpty();
        assertThat(store.<Optional<CustomerCredential>>transact(tx -> tx.credentials().find("nope"))).isEmpty();
        assertThat(store.<Optional<CustomerCredential>>transact(tx -> tx.credentials().lockForUpdate("nope")))
                .isEmpty();
        assertThatThrownBy(() -> store.transact(tx -> {
            tx.credentials().insert(c);
            return null;
        })).isInstanceOf(StoreException.class).hasMessageContaining("already has a credential");

        Instant t1 = T0.plusSeconds(5);
        CustomerCredential updated = store.transact(tx -> {
            CustomerCredential locked = tx.credentials().lockForUpdate(cid).orElseThrow();
            tx.credentials().update(with(locked, 99, 3, t1, "too many failures", 2, t1));
            return tx.credentials().find(cid).orElseThrow();
        });
        assertThat(updated.remainingCells()).isEqualTo(99);
        assertThat(updated.consecutiveFailures()).isEqualTo(3);
        assertThat(updated.lockedAt()).isEqualTo(t1);
        assertThat(updated.lockReason()).isEqualTo("too many failures");
        assertThat(updated.keyVersion()).isEqualTo(2);
        assertThat(updated.enrolledAt()).isEqualTo(T0);
        assertThat(updated.updatedAt()).isEqualTo(t1);
        assertThat(updated.version()).isEqualTo(found.version() + 1);
        assertThat(store.transact(tx -> tx.credentials().find(cid)).orElseThrow()).isEqualTo(updated);

        // stale version: the record read before the update
        assertThatThrownBy(() -> store.transact(tx -> {
            tx.credentials().lockForUpdate(cid);
            tx.credentials().update(with(found, 1, 0, null, null, 1, t1));
            return null;
        })).isInstanceOf(ConcurrentUpdateException.class);
        // not locked in this transaction
        assertThatThrownBy(() -> store.transact(tx -> {
            tx.credentials().update(tx.credentials().find(cid).orElseThrow());
            return null;
        })).isInstanceOf(IllegalStateException.class);
        assertThat(store.transact(tx -> tx.credentials().find(cid)).orElseThrow()).isEqualTo(updated);
        // insert then update in one transaction
        String cid2 = id("c");
        CustomerCredential inserted = store.transact(tx -> {
            tx.credentials().insert(credential(cid2, T0));
            CustomerCredential again = tx.credentials().find(cid2).orElseThrow();
            tx.credentials().update(with(again, 50, 0, null, null, 1, t1));
            return tx.credentials().find(cid2).orElseThrow();
        });
        assertThat(inserted.remainingCells()).isEqualTo(50);
    }

    @Test
    void lockForUpdateSerialisesTransactions() throws Exception {
        String cid = id("c");
        store.transact(tx -> {
            tx.credentials().insert(credential(cid, T0));
            return null;
        });
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstLocked = new CountDownLatch(1);
        AtomicLong waited = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = pool.submit(() -> store.transact(tx -> {
                CustomerCredential c = tx.credentials().lockForUpdate(cid).orElseThrow();
                events.add("first locked");
                firstLocked.countDown();
                sleep(400);
                tx.credentials().update(with(c, c.remainingCells() - 1, 0, null, null, 1, T0.plusSeconds(1)));
                events.add("first committing");
                return null;
            }));
            Future<CustomerCredential> second = pool.submit(() -> {
                await(firstLocked);
                return store.transact(tx -> {
                    long start = System.nanoTime();
                    events.add("second asks");
                    CustomerCredential c = tx.credentials().lockForUpdate(cid).orElseThrow();
                    waited.set(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                    events.add("second locked");
                    return c;
                });
            });
            first.get(30, TimeUnit.SECONDS);
            CustomerCredential seen = second.get(30, TimeUnit.SECONDS);
            assertThat(events).containsExactly("first locked", "second asks", "first committing", "second locked");
            assertThat(seen.remainingCells()).as("the second saw the first's commit").isEqualTo(99);
            assertThat(seen.version()).isEqualTo(1);
            assertThat(waited.get()).isGreaterThanOrEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void failureLogCountsByTimeWindow() {
        String cid = id("c");
        store.transact(tx -> {
            for (int day = 0; day < 5; day++) {
                tx.credentials().recordFailure(cid, T0.plus(day, ChronoUnit.DAYS));
            }
            tx.credentials().recordFailure(id("c"), T0.plus(4, ChronoUnit.DAYS));
            return null;
        });
        assertThat(store.<Long>transact(tx -> tx.credentials().failuresSince(cid, T0))).isEqualTo(5);
        assertThat(store.<Long>transact(tx -> tx.credentials().failuresSince(cid, T0.plus(3, ChronoUnit.DAYS))))
                .isEqualTo(2);
        assertThat(store.<Long>transact(
                tx -> tx.credentials().failuresSince(cid, T0.plus(3, ChronoUnit.DAYS).plusNanos(1000)))).isEqualTo(1);
        assertThat(store.<Long>transact(tx -> tx.credentials().failuresSince("nobody", T0))).isZero();
    }

    @Test
    void lockedCustomersAndKeyVersions() {
        String prefix = "kv" + UUID.randomUUID().toString().substring(0, 8) + "-";
        String a = prefix + "a";
        String b = prefix + "b";
        String c = prefix + "c";
        long lockedBefore = store.transact(tx -> tx.credentials().countLocked());
        store.transact(tx -> {
            tx.credentials().insert(credential(a, T0));
            tx.credentials().insert(with(credential(b, T0), 100, 10, T0, "10 failures", 1, T0));
            tx.credentials().insert(with(credential(c, T0), 100, 0, null, null, 7, T0));
            return null;
        });
        assertThat(store.<Long>transact(tx -> tx.credentials().countLocked())).isEqualTo(lockedBefore + 1);
        assertThat(store.<List<String>>transact(tx -> tx.credentials().lockedCustomers())).contains(b)
                .doesNotContain(a, c);
        List<String> below = store.transact(tx -> tx.credentials().customersWithKeyVersionBelow(7, 100000));
        assertThat(below).contains(a, b).doesNotContain(c);
        assertThat(below).isSorted();
        assertThat(store.<List<String>>transact(tx -> tx.credentials().customersWithKeyVersionBelow(7, 1)))
                .hasSize(1);
        assertThat(store.<List<String>>transact(tx -> tx.credentials().customersWithKeyVersionBelow(7, 0)))
                .isEmpty();
    }

    @Test
    void challengeInsertOpenForAndCloseCompareAndSet() {
        String cid = id("c");
        ChallengeRecord ch = new ChallengeRecord(id("ch"), cid, 17, "p-1", Mode.LIVE, new byte[] {5, 6}, T0,
                T0.plusSeconds(120), ChallengeState.OPEN, null, false);
        store.transact(tx -> {
            tx.challenges().insert(ch);
            return null;
        });
        assertThat(store.<Optional<ChallengeRecord>>transact(tx -> tx.challenges().find(ch.challengeId()))).contains(ch);
        assertThat(store.<Optional<ChallengeRecord>>transact(tx -> tx.challenges().openFor(cid))).contains(ch);
        assertThat(store.<Optional<ChallengeRecord>>transact(tx -> tx.challenges().openFor("nobody"))).isEmpty();
        assertThat(store.<Optional<ChallengeRecord>>transact(tx -> tx.challenges().find("nope"))).isEmpty();

        Instant t1 = T0.plusSeconds(30);
        ChallengeRecord failed = store.transact(
                tx -> tx.challenges().close(ch.challengeId(), ChallengeState.OPEN, ChallengeState.FAILED, t1, true));
        assertThat(failed.state()).isEqualTo(ChallengeState.FAILED);
        assertThat(failed.answeredAt()).isEqualTo(t1);
        assertThat(failed.attemptCounted()).isTrue();
        assertThat(failed.binding()).containsExactly(5, 6);
        assertThat(store.<Optional<ChallengeRecord>>transact(tx -> tx.challenges().openFor(cid))).isEmpty();

        assertThatThrownBy(() -> store.transact(
                tx -> tx.challenges().close(ch.challengeId(), ChallengeState.OPEN, ChallengeState.APPROVED, t1)))
                .isInstanceOf(ConcurrentUpdateException.class).hasMessageContaining("FAILED");
        assertThatThrownBy(() -> store.transact(
                tx -> tx.challenges().close("missing", ChallengeState.OPEN, ChallengeState.APPROVED, t1)))
                .isInstanceOf(StoreException.class).isNotInstanceOf(ConcurrentUpdateException.class);
        assertThatThrownBy(() -> store.transact(
                tx -> tx.challenges().close(ch.challengeId(), ChallengeState.FAILED, ChallengeState.OPEN, t1)))
                .isInstanceOf(IllegalArgumentException.class);
        // the 4-argument close leaves attemptCounted alone
        ChallengeRecord cancelled = store.transact(tx -> tx.challenges().close(ch.challengeId(),
                ChallengeState.FAILED, ChallengeState.CANCELLED, t1.plusSeconds(1)));
        assertThat(cancelled.attemptCounted()).isTrue();
        assertThat(cancelled.answeredAt()).isEqualTo(t1.plusSeconds(1));

        // a new OPEN challenge once the previous one is closed
        ChallengeRecord next = challenge(id("ch"), cid, 18, T0.plusSeconds(300));
        store.transact(tx -> {
            tx.challenges().insert(next);
            return null;
        });
        assertThat(store.<Optional<ChallengeRecord>>transact(tx -> tx.challenges().openFor(cid))).contains(next);
    }

    @Test
    void secondOpenChallengeForTheSameCustomerIsRefused() {
        String cid = id("c");
        ChallengeRecord first = challenge(id("ch"), cid, 1, T0.plusSeconds(60));
        store.transact(tx -> {
            tx.challenges().insert(first);
            return null;
        });
        assertThatThrownBy(() -> store.transact(tx -> {
            tx.challenges().insert(challenge(id("ch"), cid, 2, T0.plusSeconds(60)));
            return null;
        })).isInstanceOf(StoreException.class).hasMessageContaining("OPEN challenge");
        assertThatThrownBy(() -> store.transact(tx -> {
            tx.challenges().insert(first);
            return null;
        })).isInstanceOf(StoreException.class).hasMessageContaining("already exists");
        // closed challenges do not count: any number of them per customer
        store.transact(tx -> {
            for (int i = 0; i < 3; i++) {
                ChallengeRecord c = challenge(id("ch"), cid, 10 + i, T0.plusSeconds(60));
                tx.challenges().insert(new ChallengeRecord(c.challengeId(), cid, c.cellAddress(), null, Mode.TEST,
                        c.binding(), T0, c.expiresAt(), ChallengeState.EXPIRED, T0.plusSeconds(61), false));
            }
            return null;
        });
        assertThat(store.<Optional<ChallengeRecord>>transact(tx -> tx.challenges().openFor(cid))).contains(first);
    }

    @Test
    void expiredOpenAndCountIssuedSince() {
        String cid = id("c");
        Instant now = Instant.parse("2031-01-01T00:00:00Z");
        ChallengeRecord late = new ChallengeRecord(id("ch"), id("c"), 1, null, Mode.TEST, new byte[] {1},
                now.minusSeconds(600), now.minusSeconds(300), ChallengeState.OPEN, null, false);
        ChallengeRecord exact = new ChallengeRecord(id("ch"), id("c"), 1, null, Mode.TEST, new byte[] {1},
                now.minusSeconds(600), now, ChallengeState.OPEN, null, false);
        ChallengeRecord notYet = new ChallengeRecord(id("ch"), id("c"), 1, null, Mode.TEST, new byte[] {1},
                now.minusSeconds(600), now.plusNanos(1000), ChallengeState.OPEN, null, false);
        ChallengeRecord closed = new ChallengeRecord(id("ch"), id("c"), 1, null, Mode.TEST, new byte[] {1},
                now.minusSeconds(600), now.minusSeconds(400), ChallengeState.APPROVED, now.minusSeconds(500), true);
        store.transact(tx -> {
            for (ChallengeRecord c : List.of(late, exact, notYet, closed)) {
                tx.challenges().insert(c);
            }
            for (int minutes : new int[] {10, 50, 70, 300}) {
                tx.challenges().insert(new ChallengeRecord(id("ch"), cid, minutes, null, Mode.LIVE, new byte[0],
                        now.minus(minutes, ChronoUnit.MINUTES), now.minus(minutes, ChronoUnit.MINUTES).plusSeconds(60),
                        ChallengeState.EXPIRED, now, false));
            }
            return null;
        });
        List<ChallengeRecord> expired = store.transact(tx -> tx.challenges().expiredOpen(now, 1000));
        assertThat(expired).extracting(ChallengeRecord::challengeId)
                .contains(late.challengeId(), exact.challengeId())
                .doesNotContain(notYet.challengeId(), closed.challengeId());
        assertThat(expired).allMatch(c -> c.state() == ChallengeState.OPEN && !c.expiresAt().isAfter(now));
        assertThat(expired).extracting(ChallengeRecord::expiresAt).isSorted();
        assertThat(store.<List<ChallengeRecord>>transact(tx -> tx.challenges().expiredOpen(now, 1))).hasSize(1);
        assertThat(store.<List<ChallengeRecord>>transact(tx -> tx.challenges().expiredOpen(now, 0))).isEmpty();

        assertThat(store.<Long>transact(tx -> tx.challenges().countIssuedSince(cid, now.minus(1, ChronoUnit.HOURS))))
                .isEqualTo(2);
        assertThat(store.<Long>transact(tx -> tx.challenges().countIssuedSince(cid, now.minus(1, ChronoUnit.DAYS))))
                .isEqualTo(4);
        assertThat(store.<Long>transact(tx -> tx.challenges().countIssuedSince(cid, now.minus(10, ChronoUnit.MINUTES))))
                .isEqualTo(1);
        assertThat(store.<Long>transact(tx -> tx.challenges().countIssuedSince("nobody", T0))).isZero();
    }

    @Test
    void cellIsUsedOnlyOncePerTableGeneration() {
        String cid = id("c");
        String table = id("tbl");
        boolean[] results = store.transact(tx -> new boolean[] {
                tx.challenges().markCellUsed(cid, table, 1, 5, T0),
                tx.challenges().markCellUsed(cid, table, 1, 5, T0), // same transaction: refused, tx still usable
                tx.challenges().markCellUsed(cid, table, 1, 6, T0),
                tx.challenges().markCellUsed(cid, table, 2, 5, T0)});
        assertThat(results).containsExactly(true, false, true, true);
        assertThat(store.<Boolean>transact(tx -> tx.challenges().markCellUsed(cid, table, 1, 5, T0))).isFalse();
        // a refusal does not poison the transaction: later writes commit
        String pid = id("p");
        store.transact(tx -> {
            assertThat(tx.challenges().markCellUsed(cid, table, 1, 6, T0)).isFalse();
            tx.purchases().insert(purchase(pid, PurchaseState.REQUESTED));
            return null;
        });
        assertThat(store.<Optional<PurchaseRecord>>transact(tx -> tx.purchases().find(pid))).isPresent();
        assertThat(store.<Integer>transact(tx -> tx.challenges().usedCellCount(cid, table, 1))).isEqualTo(2);
        assertThat(store.<Integer>transact(tx -> tx.challenges().usedCellCount(cid, table, 2))).isEqualTo(1);
        assertThat(store.<Integer>transact(tx -> tx.challenges().usedCellCount(cid, table, 3))).isZero();
        assertThat(store.<Integer>transact(tx -> tx.challenges().usedCellCount("nobody", table, 1))).isZero();
    }

    @Test
    void challengeWorkRollsBackWithTheTransaction() {
        String cid = id("c");
        String table = id("tbl");
        assertThatThrownBy(() -> store.transact(tx -> {
            tx.credentials().insert(credential(cid, T0));
            tx.credentials().recordFailure(cid, T0);
            tx.challenges().insert(challenge(id("ch"), cid, 1, T0.plusSeconds(60)));
            tx.challenges().markCellUsed(cid, table, 1, 1, T0);
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(store.<Optional<CustomerCredential>>transact(tx -> tx.credentials().find(cid))).isEmpty();
        assertThat(store.<Long>transact(tx -> tx.credentials().failuresSince(cid, T0))).isZero();
        assertThat(store.<Optional<ChallengeRecord>>transact(tx -> tx.challenges().openFor(cid))).isEmpty();
        assertThat(store.<Integer>transact(tx -> tx.challenges().usedCellCount(cid, table, 1))).isZero();
    }

    @Test
    void pendingGenerationIsStoredReplacedAndCleared() {
        String cid = id("c");
        store.transact(tx -> {
            tx.credentials().insert(credential(cid, T0));
            return null;
        });
        assertThat(store.transact(tx -> tx.credentials().find(cid)).orElseThrow().pending()).isNull();

        Instant t1 = T0.plusSeconds(10);
        PendingGeneration first = new PendingGeneration("tbl-2a", 2, new byte[] {7, 7, 7}, new byte[] {3, 3}, t1);
        CustomerCredential withFirst = store.transact(tx -> {
            CustomerCredential c = tx.credentials().lockForUpdate(cid).orElseThrow();
            tx.credentials().update(c.withPending(first, t1));
            return tx.credentials().find(cid).orElseThrow();
        });
        assertThat(withFirst.pending()).isEqualTo(first);
        assertThat(withFirst.pending().sealedTable()).containsExactly(7, 7, 7);
        assertThat(withFirst.pending().since()).isEqualTo(t1);
        assertThat(withFirst.generation()).as("the current generation is untouched").isEqualTo(1);
        assertThat(withFirst.tableId()).isEqualTo("tbl-" + cid);
        assertThat(withFirst.toString()).contains("tbl-2a").doesNotContain("[7, 7");
        assertThat(store.transact(tx -> tx.credentials().findByDevice(withFirst.deviceId())).orElseThrow())
                .isEqualTo(withFirst);

        // a second re-provisioning replaces the pending generation
        Instant t2 = t1.plusSeconds(10);
        PendingGeneration second = new PendingGeneration("tbl-2b", 2, new byte[] {8}, new byte[] {4}, t2);
        CustomerCredential withSecond = store.transact(tx -> {
            CustomerCredential c = tx.credentials().lockForUpdate(cid).orElseThrow();
            tx.credentials().update(c.withPending(second, t2));
            return tx.credentials().find(cid).orElseThrow();
        });
        assertThat(withSecond.pending()).isEqualTo(second);
        assertThat(withSecond.version()).isEqualTo(withFirst.version() + 1);

        // switching: the pending generation becomes current and the pending columns are cleared
        Instant t3 = t2.plusSeconds(10);
        CustomerCredential switched = store.transact(tx -> {
            CustomerCredential c = tx.credentials().lockForUpdate(cid).orElseThrow();
            PendingGeneration p = c.pending();
            tx.credentials().update(new CustomerCredential(c.customerId(), c.deviceId(), c.deviceSigningKey(),
                    p.sealedTransportKey(), p.tableId(), p.generation(), p.sealedTable(), c.wrappedDataKey(),
                    c.keyVersion(), 1, 0, null, null, c.enrolledAt(), t3, null, c.version()));
            return tx.credentials().find(cid).orElseThrow();
        });
        assertThat(switched.pending()).isNull();
        assertThat(switched.generation()).isEqualTo(2);
        assertThat(switched.tableId()).isEqualTo("tbl-2b");
        assertThat(switched.sealedTable()).containsExactly(8);
        assertThat(switched.deviceTransportKey()).containsExactly(4);
        assertThat(store.transact(tx -> tx.credentials().find(cid)).orElseThrow()).isEqualTo(switched);

        // rolled back with the transaction
        assertThatThrownBy(() -> store.transact(tx -> {
            CustomerCredential c = tx.credentials().lockForUpdate(cid).orElseThrow();
            tx.credentials().update(c.withPending(first, t3));
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(store.transact(tx -> tx.credentials().find(cid)).orElseThrow().pending()).isNull();
        // too big for a BLOB
        assertThatThrownBy(() -> store.transact(tx -> {
            CustomerCredential c = tx.credentials().lockForUpdate(cid).orElseThrow();
            tx.credentials().update(c.withPending(new PendingGeneration("t", 3, new byte[65_536], new byte[1], t3),
                    t3));
            return null;
        })).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aChallengeAuthorisesAtMostOneReprovisioning() {
        String cid = id("c");
        ChallengeRecord ch = challenge(id("ch"), cid, 3, T0.plusSeconds(60));
        store.transact(tx -> {
            tx.challenges().insert(ch);
            tx.challenges().close(ch.challengeId(), ChallengeState.OPEN, ChallengeState.APPROVED, T0.plusSeconds(5),
                    true);
            return null;
        });
        assertThat(store.<Optional<Instant>>transact(tx -> tx.challenges().consumedForReprovisioningAt(
                ch.challengeId()))).isEmpty();
        Instant t1 = T0.plusSeconds(20);
        assertThat(store.<Boolean>transact(tx -> tx.challenges().consumeForReprovisioning(ch.challengeId(), t1)))
                .isTrue();
        assertThat(store.<Boolean>transact(tx -> tx.challenges().consumeForReprovisioning(ch.challengeId(),
                t1.plusSeconds(1)))).isFalse();
        assertThat(store.<Optional<Instant>>transact(tx -> tx.challenges().consumedForReprovisioningAt(
                ch.challengeId()))).contains(t1);
        // same transaction: the second is refused, the record is unchanged
        ChallengeRecord other = challenge(id("ch"), cid, 4, T0.plusSeconds(60));
        boolean[] twice = store.transact(tx -> {
            tx.challenges().insert(other);
            return new boolean[] {tx.challenges().consumeForReprovisioning(other.challengeId(), t1),
                    tx.challenges().consumeForReprovisioning(other.challengeId(), t1)};
        });
        assertThat(twice).containsExactly(true, false);
        assertThat(store.<Optional<ChallengeRecord>>transact(tx -> tx.challenges().find(other.challengeId())))
                .contains(other);
        // rolled back with the transaction
        ChallengeRecord third = challenge(id("ch"), id("c"), 5, T0.plusSeconds(60));
        store.transact(tx -> {
            tx.challenges().insert(third);
            return null;
        });
        assertThatThrownBy(() -> store.transact(tx -> {
            tx.challenges().consumeForReprovisioning(third.challengeId(), t1);
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(store.<Optional<Instant>>transact(tx -> tx.challenges().consumedForReprovisioningAt(
                third.challengeId()))).isEmpty();
        assertThatThrownBy(() -> store.transact(tx -> tx.challenges().consumeForReprovisioning("missing", t1)))
                .isInstanceOf(StoreException.class);
        assertThat(store.<Optional<Instant>>transact(tx -> tx.challenges().consumedForReprovisioningAt("missing")))
                .isEmpty();
    }

    /** Links everything unlinked so far after the current tail; returns the last position used. */
    long linkAllUnlinked() {
        return store.transact(tx -> {
            long pos = tx.auditChain().lastLinked().map(AuditEntry::chainPos).orElse(0L);
            for (AuditEntry e : tx.auditChain().unlinked(10_000)) {
                pos++;
                tx.auditChain().link(e.seq(), pos, JpaAuditLog.sha256Hex(("h" + pos).getBytes(StandardCharsets.UTF_8)));
            }
            return pos;
        });
    }

    @Test
    void auditChainLinksCompareAndSetAndReadsByPosition() {
        long base = linkAllUnlinked();
        String pid = id("p");
        List<Long> seqs = store.transact(tx -> List.of(
                tx.audit().append("purchase.requested", pid, new byte[] {1}),
                tx.audit().append("purchase.approved", pid, new byte[] {2})));
        long third = store.transact(tx -> tx.audit().append("purchase.settled", pid, new byte[] {3}));

        List<AuditEntry> unlinked = store.transact(tx -> tx.auditChain().unlinked(100));
        assertThat(unlinked).extracting(AuditEntry::seq).containsExactly(seqs.get(0), seqs.get(1), third);
        assertThat(unlinked).allSatisfy(e -> {
            assertThat(e.chainPos()).isNull();
            assertThat(e.chainHash()).isNull();
            assertThat(e.purchaseId()).isEqualTo(pid);
        });
        assertThat(unlinked.get(0).digest()).isEqualTo(JpaAuditLog.sha256Hex(new byte[] {1}));
        assertThat(store.<List<AuditEntry>>transact(tx -> tx.auditChain().unlinked(1))).hasSize(1);

        String h1 = JpaAuditLog.sha256Hex("one".getBytes(StandardCharsets.UTF_8));
        // link the third first: positions are the chainer's, not the insertion order
        store.transact(tx -> {
            tx.auditChain().link(third, base + 1, h1);
            return null;
        });
        // compare-and-set: already linked, position taken, unknown entry, malformed hash
        assertThatThrownBy(() -> store.transact(tx -> {
            tx.auditChain().link(third, base + 2, h1);
            return null;
        })).isInstanceOf(ConcurrentUpdateException.class);
        assertThatThrownBy(() -> store.transact(tx -> {
            tx.auditChain().link(seqs.get(0), base + 1, h1);
            return null;
        })).isInstanceOf(ConcurrentUpdateException.class);
        assertThatThrownBy(() -> store.transact(tx -> {
            tx.auditChain().link(Long.MAX_VALUE, base + 9, h1);
            return null;
        })).isInstanceOf(StoreException.class).isNotInstanceOf(ConcurrentUpdateException.class);
        assertThatThrownBy(() -> store.transact(tx -> {
            tx.auditChain().link(seqs.get(0), base + 2, "XYZ");
            return null;
        })).isInstanceOf(IllegalArgumentException.class);
        // a rolled-back link leaves the entry unlinked
        assertThatThrownBy(() -> store.transact(tx -> {
            tx.auditChain().link(seqs.get(0), base + 2, h1);
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(store.<List<AuditEntry>>transact(tx -> tx.auditChain().unlinked(100)))
                .extracting(AuditEntry::seq).containsExactly(seqs.get(0), seqs.get(1));

        String h2 = JpaAuditLog.sha256Hex("two".getBytes(StandardCharsets.UTF_8));
        String h3 = JpaAuditLog.sha256Hex("three".getBytes(StandardCharsets.UTF_8));
        store.transact(tx -> {
            tx.auditChain().link(seqs.get(0), base + 2, h2);
            tx.auditChain().link(seqs.get(1), base + 3, h3);
            // reads in the same transaction see the links
            assertThat(tx.auditChain().lastLinked()).map(AuditEntry::seq).contains(seqs.get(1));
            return null;
        });
        assertThat(store.<List<AuditEntry>>transact(tx -> tx.auditChain().unlinked(100))).isEmpty();
        AuditEntry last = store.transact(tx -> tx.auditChain().lastLinked()).orElseThrow();
        assertThat(last.seq()).isEqualTo(seqs.get(1));
        assertThat(last.chainPos()).isEqualTo(base + 3);
        assertThat(last.chainHash()).isEqualTo(h3);

        List<AuditEntry> from = store.transact(tx -> tx.auditChain().linkedFrom(base + 1, 2));
        assertThat(from).extracting(AuditEntry::seq).containsExactly(third, seqs.get(0));
        assertThat(from).extracting(AuditEntry::chainPos).containsExactly(base + 1, base + 2);
        assertThat(from).extracting(AuditEntry::chainHash).containsExactly(h1, h2);
        assertThat(store.<List<AuditEntry>>transact(tx -> tx.auditChain().linkedFrom(base + 4, 10))).isEmpty();

        List<AuditEntry> forPurchase = store.transact(tx -> tx.auditChain().forPurchase(pid));
        assertThat(forPurchase).extracting(AuditEntry::seq).containsExactly(seqs.get(0), seqs.get(1), third);
        assertThat(forPurchase).extracting(AuditEntry::type)
                .containsExactly("purchase.requested", "purchase.approved", "purchase.settled");
        assertThat(forPurchase).extracting(AuditEntry::chainPos).containsExactly(base + 2, base + 3, base + 1);
        assertThat(forPurchase.get(0).at()).isNotNull();
        assertThat(store.<List<AuditEntry>>transact(tx -> tx.auditChain().forPurchase("nobody"))).isEmpty();
    }

    @Test
    void uncommittedAuditEntriesAreNotUnlinked() throws Exception {
        linkAllUnlinked();
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Long> writer = pool.submit(() -> store.transact(tx -> {
                long seq = tx.audit().append("purchase.requested", null, new byte[] {9});
                appended.countDown();
                await(release);
                return seq;
            }));
            await(appended);
            long later = store.transact(tx -> tx.audit().append("purchase.approved", null, new byte[] {8}));
            assertThat(store.<List<AuditEntry>>transact(tx -> tx.auditChain().unlinked(100)))
                    .extracting(AuditEntry::seq).containsExactly(later);
            release.countDown();
            long early = writer.get(30, TimeUnit.SECONDS);
            assertThat(early).isLessThan(later);
            assertThat(store.<List<AuditEntry>>transact(tx -> tx.auditChain().unlinked(100)))
                    .extracting(AuditEntry::seq).containsExactly(early, later);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        linkAllUnlinked();
    }

    @Test
    void signedHeadsAreSavedOncePerPosition() {
        long base = 1_000_000_000L + store.<Long>transact(tx -> tx.auditChain().lastHead()
                .map(AuditHead::chainPos).orElse(0L));
        Instant at = T0.plusSeconds(5);
        String hash = JpaAuditLog.sha256Hex("head".getBytes(StandardCharsets.UTF_8));
        byte[] signature = new byte[64];
        signature[0] = 7;
        AuditHead head = new AuditHead(base + 2, hash, signature, at, "0123456789abcdef");
        store.transact(tx -> {
            tx.auditChain().saveHead(new AuditHead(base + 1, hash, signature, T0, "0123456789abcdef"));
            tx.auditChain().saveHead(head);
            return null;
        });
        assertThat(store.<Optional<AuditHead>>transact(tx -> tx.auditChain().lastHead())).contains(head);
        assertThat(store.transact(tx -> tx.auditChain().lastHead()).orElseThrow().signature()).isEqualTo(signature);
        assertThatThrownBy(() -> store.transact(tx -> {
            tx.auditChain().saveHead(head);
            return null;
        })).isInstanceOf(ConcurrentUpdateException.class);
        // an older head does not become the last one
        store.transact(tx -> {
            tx.auditChain().saveHead(new AuditHead(base, hash, signature, T0, "0123456789abcdef"));
            return null;
        });
        assertThat(store.<Optional<AuditHead>>transact(tx -> tx.auditChain().lastHead())).contains(head);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
