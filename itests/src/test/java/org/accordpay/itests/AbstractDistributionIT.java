package org.accordpay.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.inject.Inject;
import java.nio.file.Files;
import org.accordpay.api.audit.AuditTrail;
import org.accordpay.api.audit.dto.AuditVerification;
import org.accordpay.api.challenge.ChallengeEngine;
import org.accordpay.api.challenge.dto.ChallengeRequest;
import org.accordpay.api.challenge.dto.ChallengeVerdict;
import org.accordpay.api.challenge.dto.CredentialStatus;
import org.accordpay.api.challenge.dto.IssuedChallenge;
import org.accordpay.api.challenge.dto.Outcome;
import org.accordpay.api.challenge.dto.Provisioning;
import org.accordpay.api.money.Money;
import org.accordpay.crypto.Randomness;
import org.accordpay.handset.Display;
import org.accordpay.handset.HandsetAgent;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.purchase.PurchaseState;
import org.accordpay.api.purchase.dto.PurchaseItem;
import org.accordpay.api.store.AccordStore;
import org.accordpay.api.store.ConcurrentUpdateException;
import org.accordpay.api.store.LedgerRepository;
import org.accordpay.api.store.dto.OutboxMessage;
import org.accordpay.api.store.dto.Posting;
import org.accordpay.api.store.dto.PostingLeg;
import org.accordpay.api.store.dto.PurchaseRecord;
import org.accordpay.api.time.AccordClock;
import org.accordpay.api.time.ClockControl;
import org.accordpay.itests.support.AccordTestSupport;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * What must hold on every database: the distribution boots whole, the store migrates and keeps
 * money, state and messages consistently, and time moves only through the clock.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public abstract class AbstractDistributionIT extends AccordTestSupport {

    @Inject
    @Filter(timeout = 90_000)
    protected AccordStore store;

    @Inject
    protected AccordClock clock;

    @Inject
    protected ClockControl clockControl;

    @Inject
    protected FeaturesService features;

    @Inject
    protected ServiceComponentRuntime componentRuntime;

    @Test
    public void everyBundleIsActive() {
        List<String> notActive = new ArrayList<>();
        for (Bundle bundle : bundleContext.getBundles()) {
            boolean fragment = bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            if (!fragment && bundle.getState() != Bundle.ACTIVE) {
                notActive.add(bundle.getSymbolicName() + " state " + bundle.getState());
            }
        }
        assertTrue("bundles not active: " + notActive, notActive.isEmpty());
        for (String accord : List.of("org.accordpay.accord-api", "org.accordpay.accord-time",
                "org.accordpay.accord-store", "org.accordpay.accord-shell", "org.accordpay.accord-crypto",
                "org.accordpay.accord-challenge", "org.accordpay.accord-audit")) {
            assertTrue(accord + " installed", java.util.Arrays.stream(bundleContext.getBundles())
                    .anyMatch(b -> accord.equals(b.getSymbolicName()) && b.getState() == Bundle.ACTIVE));
        }
    }

    @Test
    public void everyComponentIsSatisfied() {
        List<String> unsatisfied = unsatisfiedComponents();
        assertTrue("components not satisfied: " + unsatisfied, unsatisfied.isEmpty());
    }

    /** @return the components that are disabled or not satisfied, with their state */
    protected List<String> unsatisfiedComponents() {
        List<String> unsatisfied = new ArrayList<>();
        for (ComponentDescriptionDTO description : componentRuntime.getComponentDescriptionDTOs()) {
            if (!componentRuntime.isComponentEnabled(description)) {
                unsatisfied.add(description.name + " disabled");
                continue;
            }
            for (ComponentConfigurationDTO configuration : componentRuntime.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION
                        || configuration.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE
                        || configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    unsatisfied.add(description.name + " state " + configuration.state);
                }
            }
        }
        return unsatisfied;
    }

    @Test
    public void accordFeaturesAreInstalled() throws Exception {
        for (String name : List.of("accord", "accord-base", "accord-store", "accord-challenge", "accord-audit",
                "accord-shell")) {
            assertTrue(name + " installed", features.isInstalled(features.getFeature(name)));
        }
        assertFalse("Karaf's http feature is not part of Accord", features.isInstalled(features.getFeature("http")));
    }

    @Test
    public void storeIsMigratedAndKeepsPurchasesConsistent() {
        assertEquals(SCHEMA_VERSION, store.info().schemaVersion());
        Instant now = clock.now().truncatedTo(ChronoUnit.MILLIS);
        String id = "pur_" + UUID.randomUUID();
        PurchaseRecord purchase = new PurchaseRecord(id, "mer_shop", "cus_1", "order-1",
                List.of(new PurchaseItem("Book", 1250, 2), new PurchaseItem("Pen", 300, 1)),
                Money.of(2800, "EUR"), PurchaseState.REQUESTED, Mode.TEST, now, now);
        store.transact(tx -> {
            tx.purchases().insert(purchase);
            tx.audit().append("purchase.requested", id, id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return null;
        });
        PurchaseRecord read = store.transact(tx -> tx.purchases().find(id)).orElseThrow();
        assertEquals(purchase.items(), read.items());
        assertEquals(Money.of(2800, "EUR"), read.total());

        store.transact(tx -> tx.purchases().transition(id, PurchaseState.REQUESTED, PurchaseState.CHALLENGED, now));
        try {
            store.transact(tx -> tx.purchases().transition(id, PurchaseState.REQUESTED, PurchaseState.CHALLENGED, now));
            fail("a second transition from the same state must lose");
        } catch (ConcurrentUpdateException expected) {
            // compare-and-set: only one writer wins
        }
        assertEquals(PurchaseState.CHALLENGED, store.transact(tx -> tx.purchases().find(id)).orElseThrow().state());
        assertTrue(store.pendingWork().openPurchases() >= 1);

        store.transact(tx -> tx.purchases().transition(id, PurchaseState.CHALLENGED, PurchaseState.DECLINED, now));
    }

    @Test
    public void failedWorkLeavesNothingBehind() {
        String id = "pur_" + UUID.randomUUID();
        Instant now = clock.now();
        try {
            store.transact(tx -> {
                tx.purchases().insert(new PurchaseRecord(id, "mer_shop", "cus_1", "order-2",
                        List.of(new PurchaseItem("Lamp", 4000, 1)), Money.of(4000, "EUR"), PurchaseState.REQUESTED,
                        Mode.TEST, now, now));
                tx.outbox().enqueue(new OutboxMessage("msg_" + id, "sms", "loopback", id, new byte[] {1, 2},
                        0, now, now, null));
                throw new IllegalStateException("crash inside the unit of work");
            });
            fail("the work threw");
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertFalse(store.transact(tx -> tx.purchases().find(id)).isPresent());
        assertTrue(store.transact(tx -> tx.outbox().due("sms", now.plusSeconds(60), 1000)).stream()
                .noneMatch(m -> m.id().equals("msg_" + id)));
    }

    @Test
    public void ledgerBooksOnceAndBalances() {
        Instant now = clock.now();
        String postingId = "pst_" + UUID.randomUUID();
        Posting debit = new Posting(postingId, now, null, "debit settled",
                List.of(new PostingLeg("customer:it", Money.of(-500, "CHF")),
                        new PostingLeg(LedgerRepository.ESCROW_ACCOUNT, Money.of(500, "CHF"))));
        Money before = store.transact(tx -> tx.ledger().balance(LedgerRepository.ESCROW_ACCOUNT, "CHF"));
        assertTrue(store.transact(tx -> tx.ledger().post(debit)));
        assertFalse("the same posting is booked once", store.transact(tx -> tx.ledger().post(debit)));
        assertEquals(before.plus(Money.of(500, "CHF")),
                store.transact(tx -> tx.ledger().balance(LedgerRepository.ESCROW_ACCOUNT, "CHF")));
        try {
            store.transact(tx -> tx.ledger().post(new Posting("pst_" + UUID.randomUUID(), now, null, "bad",
                    List.of(new PostingLeg("a", Money.of(1, "CHF")), new PostingLeg("b", Money.of(2, "CHF"))))));
            fail("unbalanced postings are refused");
        } catch (IllegalArgumentException expected) {
            // double entry
        }
        // pay it back out so the database holds no money in escrow afterwards
        store.transact(tx -> tx.ledger().post(new Posting("pst_" + UUID.randomUUID(), now, null, "refund",
                List.of(new PostingLeg(LedgerRepository.ESCROW_ACCOUNT, Money.of(-500, "CHF")),
                        new PostingLeg("customer:it", Money.of(500, "CHF"))))));
    }

    @Test
    public void outboxDeliversDueRowsUntilDone() {
        // a channel no worker of the distribution consumes, so only this test moves the row
        Instant now = clock.now();
        String id = "msg_" + UUID.randomUUID();
        store.transact(tx -> {
            tx.outbox().enqueue(new OutboxMessage(id, "itest", "nowhere", null, new byte[] {7}, 0, now, now, null));
            return null;
        });
        assertTrue(store.transact(tx -> tx.outbox().due("itest", now, 1000)).stream().anyMatch(m -> m.id().equals(id)));
        store.transact(tx -> {
            tx.outbox().reschedule(id, now.plusSeconds(30), "bank unavailable");
            return null;
        });
        assertTrue(store.transact(tx -> tx.outbox().due("itest", now, 1000)).stream().noneMatch(m -> m.id().equals(id)));
        OutboxMessage retried = store.transact(tx -> tx.outbox().due("itest", now.plusSeconds(31), 1000)).stream()
                .filter(m -> m.id().equals(id)).findFirst().orElseThrow();
        assertEquals(1, retried.attempts());
        assertEquals("bank unavailable", retried.lastError());
        store.transact(tx -> {
            tx.outbox().markDone(id, now);
            return null;
        });
        assertTrue(store.transact(tx -> tx.outbox().due("itest", now.plus(Duration.ofDays(4)), 1000)).stream()
                .noneMatch(m -> m.id().equals(id)));
    }

    @Test
    public void aChallengeSurvivesARestartOfTheEngine() throws Exception {
        ChallengeEngine engine = awaitService(ChallengeEngine.class, e -> true, Duration.ofSeconds(60));
        char[] pin = "493817".toCharArray();
        HandsetAgent phone = HandsetAgent.create(Files.createTempDirectory("phone").resolve("handset.state"),
                clock.asClock());
        String customer = "cus_" + UUID.randomUUID();
        Provisioning provisioning = engine.enrol(customer, phone.enrolmentRequest(Randomness.bytes(16)));
        phone.enrol(provisioning.packageBytes(), pin);

        IssuedChallenge challenge = engine.issue(new ChallengeRequest(customer, "pur_it", 4200, "EUR", "mer_it",
                "Boutique Essai", Mode.TEST));

        Bundle challengeBundle = java.util.Arrays.stream(bundleContext.getBundles())
                .filter(b -> "org.accordpay.accord-challenge".equals(b.getSymbolicName())).findFirst().orElseThrow();
        challengeBundle.stop();
        challengeBundle.start();
        ChallengeEngine restarted = awaitService(ChallengeEngine.class, e -> e != engine, Duration.ofSeconds(60));
        // everything built on the engine (registry, payments, API, consoles) comes back too; later tests rely on it
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!unsatisfiedComponents().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue("components back after the restart: " + unsatisfiedComponents(), unsatisfiedComponents().isEmpty());

        Display shown = phone.show(challenge.sealedMessage()).orElseThrow();
        assertEquals("42.00 EUR", shown.amountText());
        assertEquals("Boutique Essai", shown.merchantName());
        ChallengeVerdict verdict = restarted.answer(phone.approve(pin));
        assertEquals(Outcome.APPROVED, verdict.outcome());
        assertEquals("pur_it", verdict.purchaseId());

        IssuedChallenge second = restarted.issue(new ChallengeRequest(customer, "pur_it2", 990, "EUR", "mer_it",
                "Boutique Essai", Mode.TEST));
        phone.show(second.sealedMessage()).orElseThrow();
        assertEquals(Outcome.REFUSED, restarted.answer(phone.approve("493818".toCharArray())).outcome());
        CredentialStatus status = restarted.status(customer).orElseThrow();
        assertEquals(1, status.consecutiveFailures());
        assertEquals(1022, status.remainingCells());
    }

    @Test
    public void theAuditChainGrowsAndVerifies() throws Exception {
        AuditTrail trail = awaitService(AuditTrail.class, t -> true, Duration.ofSeconds(60));
        ChallengeEngine engine = awaitService(ChallengeEngine.class, e -> true, Duration.ofSeconds(60));
        long before = trail.verify().entries();
        HandsetAgent phone = HandsetAgent.create(Files.createTempDirectory("phone").resolve("handset.state"),
                clock.asClock());
        engine.enrol("cus_" + UUID.randomUUID(), phone.enrolmentRequest(Randomness.bytes(16)));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        AuditVerification verification = trail.verify();
        while (verification.entries() <= before && System.nanoTime() < deadline) {
            Thread.sleep(200);
            verification = trail.verify();
        }
        assertTrue(verification.detail(), verification.valid());
        assertTrue("the enrolment was chained: " + verification, verification.entries() > before);
    }

    @Test
    public void clockMovesOnlyThroughClockControl() {
        Instant before = clock.now();
        clockControl.advance(Duration.ofDays(3));
        try {
            Duration moved = Duration.between(before, clock.now());
            assertTrue("moved " + moved, moved.compareTo(Duration.ofDays(3)) >= 0
                    && moved.compareTo(Duration.ofDays(3).plusMinutes(1)) < 0);
        } finally {
            clockControl.reset();
        }
        assertNotNull(clock.asClock().instant());
    }
}
