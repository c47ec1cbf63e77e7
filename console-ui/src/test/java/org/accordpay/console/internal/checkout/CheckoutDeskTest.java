package org.accordpay.console.internal.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.accordpay.api.money.Money;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.purchase.PurchaseService;
import org.accordpay.api.purchase.PurchaseState;
import org.accordpay.api.purchase.dto.CheckoutView;
import org.accordpay.api.purchase.dto.CheckoutView.BuyerState;
import org.accordpay.api.purchase.dto.CustomerIdentifier;
import org.accordpay.api.purchase.dto.PurchaseItem;
import org.accordpay.console.internal.checkout.CheckoutDesk.Submission;
import org.accordpay.web.TokenBuckets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The payment page's server side against a purchase service that records what it is asked. */
class CheckoutDeskTest {

    static final String TOKEN = "t".repeat(43);
    private static final String OTHER = "o".repeat(43);

    /** What the purchase service knows: checkouts by token; attachCustomer calls in order. */
    private final Map<String, CheckoutView> checkouts = new ConcurrentHashMap<>();
    private final List<String> attached = new CopyOnWriteArrayList<>();
    private final List<Runnable> afterAnswer = new ArrayList<>();
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor();
    private final CheckoutDesk desk = new CheckoutDesk(purchases(), new TokenBuckets(10, Duration.ofMinutes(1)),
            new TokenBuckets(5, Duration.ofMinutes(15)), afterAnswer::add, watcher, Duration.ofMillis(20));

    @AfterEach
    void stop() {
        watcher.shutdownNow();
    }

    private PurchaseService purchases() {
        return (PurchaseService) Proxy.newProxyInstance(PurchaseService.class.getClassLoader(),
                new Class<?>[] {PurchaseService.class}, (p, m, a) -> switch (m.getName()) {
                    case "checkout" -> Optional.ofNullable(checkouts.get((String) a[0]));
                    case "attachCustomer" -> {
                        CustomerIdentifier c = (CustomerIdentifier) a[1];
                        attached.add(a[0] + " " + c.phoneE164() + " " + c.country());
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    static CheckoutView checkout(PurchaseState state, boolean submitted, String returnUrl) {
        return new CheckoutView("pur_1", "Demo Shop", "order-1", List.of(new PurchaseItem("Book", 1250, 2)),
                Money.of(2500, "EUR"), state, submitted, Mode.TEST, Instant.parse("2026-12-05T12:15:00Z"), returnUrl);
    }

    @Test
    void aNumberIsAnsweredBeforeItIsLookedUpAndTheAnswerIsTheSameForAnyNumber() {
        checkouts.put(TOKEN, checkout(PurchaseState.AWAITING_CUSTOMER, false, null));
        checkouts.put(OTHER, checkout(PurchaseState.AWAITING_CUSTOMER, false, null));
        Submission enrolled = desk.submit(TOKEN, "10.0.0.1", "+33 6 12 34 56 78", "FR");
        Submission nobody = desk.submit(OTHER, "10.0.0.1", "0033600000001", "fr");
        assertThat(enrolled).isEqualTo(nobody).isEqualTo(Submission.TAKEN);
        // nothing was asked of the purchase service before the buyer had the answer
        assertThat(attached).isEmpty();
        afterAnswer.forEach(Runnable::run);
        assertThat(attached).containsExactly(TOKEN + " +33612345678 FR", OTHER + " +33600000001 FR");
    }

    @Test
    void badInputIsAnsweredWithWordsAndNothingIsSubmitted() {
        checkouts.put(TOKEN, checkout(PurchaseState.AWAITING_CUSTOMER, false, null));
        assertThat(desk.submit(TOKEN, "a", "0612345678", "FR").kind()).isEqualTo(Submission.Kind.INVALID);
        assertThat(desk.submit(TOKEN, "a", "+33612345678", null).kind()).isEqualTo(Submission.Kind.INVALID);
        assertThat(desk.submit(OTHER, "a", "+33612345678", "FR").kind()).isEqualTo(Submission.Kind.UNKNOWN);
        assertThat(desk.submit("../../etc", "a", "+33612345678", "FR").kind()).isEqualTo(Submission.Kind.UNKNOWN);
        checkouts.put(OTHER, checkout(PurchaseState.IN_ESCROW, true, null));
        assertThat(desk.submit(OTHER, "a", "+33612345678", "FR").kind()).isEqualTo(Submission.Kind.OVER);
        assertThat(afterAnswer).isEmpty();
        assertThat(attached).isEmpty();
    }

    @Test
    void aCheckoutWithAChallengeOutTakesAnotherNumberAsOneThatNamedNobody() {
        checkouts.put(TOKEN, checkout(PurchaseState.CHALLENGED, true, null));
        checkouts.put(OTHER, checkout(PurchaseState.AWAITING_CUSTOMER, true, null));
        assertThat(desk.submit(TOKEN, "a", "+33612345679", "FR")).isEqualTo(Submission.TAKEN);
        assertThat(desk.submit(OTHER, "a", "+33612345679", "FR")).isEqualTo(Submission.TAKEN);
    }

    @Test
    void submissionsAreLimitedPerAddressAndPerNumber() {
        checkouts.put(TOKEN, checkout(PurchaseState.AWAITING_CUSTOMER, false, null));
        for (int i = 0; i < 5; i++) {
            assertThat(desk.submit(TOKEN, "10.0.0." + i, "+33612345678", "FR").taken()).isTrue();
        }
        assertThat(desk.submit(TOKEN, "10.0.0.9", "+33612345678", "FR").kind())
                .isEqualTo(Submission.Kind.RATE_LIMITED);
        for (int i = 0; i < 10; i++) {
            assertThat(desk.submit(TOKEN, "10.0.1.1", "+3361234560" + i, "FR").taken()).isTrue();
        }
        Submission eleventh = desk.submit(TOKEN, "10.0.1.1", "+33612345699", "FR");
        assertThat(eleventh.kind()).isEqualTo(Submission.Kind.RATE_LIMITED);
        assertThat(eleventh.message()).contains("connection");
        assertThat(afterAnswer).hasSize(5 + 10);
    }

    @Test
    void aWatchReportsEachChangeOfTheBuyersStateAndStopsAtTheFinalOne() throws Exception {
        checkouts.put(TOKEN, checkout(PurchaseState.AWAITING_CUSTOMER, false, null));
        List<BuyerState> seen = new CopyOnWriteArrayList<>();
        desk.watch(TOKEN, BuyerState.AWAITING_CUSTOMER, c -> seen.add(c.buyerState()));
        checkouts.put(TOKEN, checkout(PurchaseState.CHALLENGED, true, null));
        awaitSize(seen, 1);
        checkouts.put(TOKEN, checkout(PurchaseState.IN_ESCROW, true, null));
        awaitSize(seen, 2);
        checkouts.put(TOKEN, checkout(PurchaseState.SHIPPED, true, null));
        checkouts.put(TOKEN, checkout(PurchaseState.DECLINED, true, null));
        Thread.sleep(200);
        assertThat(seen).containsExactly(BuyerState.AWAITING_APPROVAL, BuyerState.APPROVED);
    }

    @Test
    void aClosedWatchReportsNothing() throws Exception {
        checkouts.put(TOKEN, checkout(PurchaseState.AWAITING_CUSTOMER, false, null));
        List<BuyerState> seen = new CopyOnWriteArrayList<>();
        desk.watch(TOKEN, BuyerState.AWAITING_CUSTOMER, c -> seen.add(c.buyerState())).close();
        checkouts.put(TOKEN, checkout(PurchaseState.EXPIRED, false, null));
        watcher.shutdown();
        assertThat(watcher.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).isEmpty();
    }

    private static void awaitSize(List<?> list, int size) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (list.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(list).hasSizeGreaterThanOrEqualTo(size);
    }
}
