package org.accordpay.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.accordpay.api.registry.RegistryException;
import org.accordpay.api.registry.dto.BankAccount;
import org.accordpay.api.registry.dto.Merchant;
import org.accordpay.api.registry.dto.MerchantApplication;
import org.accordpay.api.registry.dto.MerchantDecision;
import org.accordpay.api.registry.dto.MerchantStatus;
import org.accordpay.api.registry.dto.QualityEvent;
import org.accordpay.api.registry.dto.QualityFigures;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The merchant registry against the real store (H2). */
class MerchantRegistryTest {

    static final BankAccount ACCOUNT = new BankAccount("DE89 3704 0044 0532 0130 00", "cobadeffxxx", "Duval SARL");

    @TempDir
    Path dir;

    private RegistryFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new RegistryFixture(dir);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private static void refused(ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOf(RegistryException.class).extracting("code").isEqualTo(code);
    }

    private Merchant apply(String displayName) {
        return f.merchants.apply(new MerchantApplication(displayName + " SARL", displayName, ACCOUNT), "alice");
    }

    private Merchant admitted(String displayName) {
        Merchant m = apply(displayName);
        f.merchants.setCondition(m.id(), "bank-account-verified", true, "bob", "micro-deposit matched");
        f.merchants.setCondition(m.id(), "terms-accepted", true, "bob", "signed 2026-11-20");
        return f.merchants.admit(m.id(), "bob", "all conditions met");
    }

    @Test
    void appliesThenIsAdmittedWhenEveryConditionHolds() {
        Merchant m = apply("Librairie Duval");
        assertThat(m.status()).isEqualTo(MerchantStatus.APPLIED);
        assertThat(m.bankAccount()).isEqualTo(new BankAccount("DE89370400440532013000", "COBADEFFXXX", "Duval SARL"));
        assertThat(m.quality()).isEqualTo(new QualityFigures(0, 0, 0));
        assertThat(m.createdAt()).isEqualTo(f.clock.now());

        f.merchants.setCondition(m.id(), "bank-account-verified", true, "bob", "micro-deposit matched");
        f.merchants.setCondition(m.id(), "Terms-Accepted", true, "bob", "signed");
        Merchant admitted = f.merchants.admit(m.id(), "bob", "all conditions met");

        assertThat(admitted.status()).isEqualTo(MerchantStatus.ADMITTED);
        assertThat(admitted.conditions()).containsExactlyInAnyOrder("bank-account-verified", "terms-accepted");
        assertThat(f.merchants.find(m.id())).contains(admitted);
        assertThat(f.merchants.decisions(m.id())).extracting(MerchantDecision::decision).containsExactly("applied",
                "condition:bank-account-verified", "condition:terms-accepted", "admitted");
        assertThat(f.merchants.decisions(m.id()).get(3))
                .isEqualTo(new MerchantDecision(m.id(), f.clock.now(), "admitted", "bob", "all conditions met"));
        assertThat(f.auditEntries("merchant.admitted")).isEqualTo(1);
        assertThat(f.auditEntries("merchant.condition")).isEqualTo(2);
        refused(() -> f.merchants.admit(m.id(), "bob", "again"), RegistryException.WRONG_STATUS);
    }

    @Test
    void admissionNamesTheConditionsThatDoNotHold() {
        Merchant m = apply("Librairie Duval");
        f.merchants.setCondition(m.id(), "bank-account-verified", true, "bob", "ok");
        assertThatThrownBy(() -> f.merchants.admit(m.id(), "bob", "try"))
                .isInstanceOf(RegistryException.class).hasMessageContaining("terms-accepted")
                .hasMessageNotContaining("bank-account-verified")
                .extracting("code").isEqualTo(RegistryException.CONDITIONS_NOT_MET);
        assertThat(f.merchants.find(m.id()).orElseThrow().status()).isEqualTo(MerchantStatus.APPLIED);
        assertThat(f.merchants.decisions(m.id())).hasSize(2);

        f.merchants.setCondition(m.id(), "terms-accepted", true, "bob", "ok");
        f.merchants.setCondition(m.id(), "terms-accepted", false, "bob", "terms withdrawn");
        refused(() -> f.merchants.admit(m.id(), "bob", "try"), RegistryException.CONDITIONS_NOT_MET);
        assertThat(f.merchants.decisions(m.id()).get(3).decision()).isEqualTo("condition-withdrawn:terms-accepted");
    }

    @Test
    void refusesUnknownConditionsMerchantsAndMissingReasons() {
        Merchant m = apply("Librairie Duval");
        refused(() -> f.merchants.setCondition(m.id(), "kyc-done", true, "bob", "ok"), RegistryException.INVALID_FIELD);
        refused(() -> f.merchants.setCondition(m.id(), "terms-accepted", true, "bob", ""),
                RegistryException.INVALID_FIELD);
        refused(() -> f.merchants.admit("m-nope", "bob", "ok"), RegistryException.UNKNOWN_MERCHANT);
        refused(() -> f.merchants.decisions("m-nope"), RegistryException.UNKNOWN_MERCHANT);
        refused(() -> f.merchants.recordQuality("m-nope", QualityEvent.PAID), RegistryException.UNKNOWN_MERCHANT);
        assertThat(f.merchants.find("m-nope")).isEmpty();
    }

    @Test
    void refusesAnInvalidIbanOrName() {
        refused(() -> f.merchants.apply(new MerchantApplication("Duval SARL", "Librairie Duval",
                new BankAccount("DE89370400440532013001", null, "Duval SARL")), "alice"), RegistryException.INVALID_IBAN);
        refused(() -> f.merchants.apply(new MerchantApplication("Duval SARL", "Librairie Duval",
                new BankAccount("DE89370400440532013000", "NOTABIC", "Duval SARL")), "alice"),
                RegistryException.INVALID_FIELD);
        refused(() -> f.merchants.apply(new MerchantApplication("Duval SARL", "--- ***", ACCOUNT), "alice"),
                RegistryException.INVALID_FIELD);
        refused(() -> f.merchants.apply(new MerchantApplication(" ", "Librairie Duval", ACCOUNT), "alice"),
                RegistryException.INVALID_FIELD);
        assertThat(f.merchants.list(null, 10)).isEmpty();
    }

    @Test
    void refusesLookAlikesOfAdmittedMerchantsAtApplicationAndAdmission() {
        admitted("Librairie Duval");
        for (String lookAlike : new String[] {"Librairie Duval", "LIBRAIRIE DUVAL", "Librairie Duvál", "L1brairie DuvaI",
                "Librairie-Duval!", "Librairie Duvall", "Librairie Duva", "Librairie Dural"}) {
            refused(() -> apply(lookAlike), RegistryException.LOOKALIKE_NAME);
        }
        Merchant other = apply("Librairie Durand");
        assertThat(other.status()).isEqualTo(MerchantStatus.APPLIED);

        // two applications that look alike: whichever is admitted first wins
        Merchant a = apply("Modern Shoes");
        Merchant b = apply("Modem Shoes"); // "rn" and "m"
        admittedAlready(a);
        f.merchants.setCondition(b.id(), "bank-account-verified", true, "bob", "ok");
        f.merchants.setCondition(b.id(), "terms-accepted", true, "bob", "ok");
        refused(() -> f.merchants.admit(b.id(), "bob", "ok"), RegistryException.LOOKALIKE_NAME);
    }

    private void admittedAlready(Merchant m) {
        f.merchants.setCondition(m.id(), "bank-account-verified", true, "bob", "ok");
        f.merchants.setCondition(m.id(), "terms-accepted", true, "bob", "ok");
        f.merchants.admit(m.id(), "bob", "ok");
    }

    @Test
    void suspendsAndReinstatesWithReasons() {
        Merchant applied = apply("Fromagerie Vidal");
        refused(() -> f.merchants.suspend(applied.id(), "carol", "test"), RegistryException.WRONG_STATUS);
        refused(() -> f.merchants.reinstate(applied.id(), "carol", "test"), RegistryException.WRONG_STATUS);

        Merchant m = admitted("Librairie Duval");
        refused(() -> f.merchants.suspend(m.id(), "carol", null), RegistryException.INVALID_FIELD);
        assertThat(f.merchants.suspend(m.id(), "carol", "complaints under review").status())
                .isEqualTo(MerchantStatus.SUSPENDED);
        assertThat(f.merchants.reinstate(m.id(), "carol", "review closed").status()).isEqualTo(MerchantStatus.ADMITTED);

        f.merchants.suspend(m.id(), "carol", "bank account closed");
        f.merchants.setCondition(m.id(), "bank-account-verified", false, "carol", "account closed");
        refused(() -> f.merchants.reinstate(m.id(), "carol", "please"), RegistryException.CONDITIONS_NOT_MET);
        assertThat(f.merchants.decisions(m.id())).extracting(MerchantDecision::decision).endsWith("suspended",
                "reinstated", "suspended", "condition-withdrawn:bank-account-verified");
    }

    @Test
    void suspendsAutomaticallyOnlyAfterTheMinimumOfPaidPurchases() {
        Merchant m = admitted("Librairie Duval");
        for (int i = 0; i < 19; i++) {
            f.merchants.recordQuality(m.id(), QualityEvent.PAID);
        }
        f.merchants.recordQuality(m.id(), QualityEvent.DISPUTED);
        Merchant before = f.merchants.recordQuality(m.id(), QualityEvent.DISPUTED);
        assertThat(before.quality()).isEqualTo(new QualityFigures(19, 0, 2));
        assertThat(before.status()).as("19 paid: below the minimum of 20").isEqualTo(MerchantStatus.ADMITTED);

        Merchant after = f.merchants.recordQuality(m.id(), QualityEvent.PAID);
        assertThat(after.status()).isEqualTo(MerchantStatus.SUSPENDED);
        MerchantDecision last = f.merchants.decisions(m.id()).get(f.merchants.decisions(m.id()).size() - 1);
        assertThat(last.decision()).isEqualTo("suspended");
        assertThat(last.actor()).isEqualTo(MerchantRegistryImpl.QUALITY_MONITOR);
        assertThat(last.reason()).contains("dispute rate 10.0%").contains("2 of 20").contains("5.0%");

        // counting goes on while suspended, without more decisions
        int decisions = f.merchants.decisions(m.id()).size();
        f.merchants.recordQuality(m.id(), QualityEvent.DISPUTED);
        assertThat(f.merchants.decisions(m.id())).hasSize(decisions);
    }

    @Test
    void aRateAtTheLimitIsNotOverItButARefundRateOverItSuspends() {
        Merchant m = admitted("Librairie Duval");
        for (int i = 0; i < 20; i++) {
            f.merchants.recordQuality(m.id(), QualityEvent.PAID);
        }
        f.merchants.recordQuality(m.id(), QualityEvent.DISPUTED);
        for (int i = 0; i < 4; i++) {
            f.merchants.recordQuality(m.id(), QualityEvent.REFUNDED);
        }
        Merchant atLimits = f.merchants.find(m.id()).orElseThrow();
        assertThat(atLimits.quality()).isEqualTo(new QualityFigures(20, 4, 1));
        assertThat(atLimits.status()).as("5% disputes and 20% refunds are at, not over, the limits")
                .isEqualTo(MerchantStatus.ADMITTED);

        Merchant over = f.merchants.recordQuality(m.id(), QualityEvent.REFUNDED);
        assertThat(over.status()).isEqualTo(MerchantStatus.SUSPENDED);
        assertThat(f.merchants.decisions(m.id()).get(f.merchants.decisions(m.id()).size() - 1).reason())
                .contains("refund rate 25.0%");
    }

    @Test
    void listsMerchantsByPages() {
        Merchant a = apply("Alpha Books");
        Merchant b = apply("Bravo Tools");
        Merchant c = apply("Charlie Wines");
        var all = f.merchants.list(null, 500);
        assertThat(all).extracting(Merchant::id).containsExactlyInAnyOrder(a.id(), b.id(), c.id()).isSorted();
        assertThat(f.merchants.list(all.get(1).id(), 10)).containsExactly(all.get(2));
        refused(() -> f.merchants.list(null, 0), RegistryException.INVALID_FIELD);
    }

    @Test
    void concurrentQualityEventsAreAllCounted() throws Exception {
        Merchant m = admitted("Librairie Duval");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        f.merchants.recordQuality(m.id(), QualityEvent.PAID);
                    }
                    return null;
                }));
            }
            for (var d : done) {
                d.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(f.merchants.find(m.id()).orElseThrow().quality()).isEqualTo(new QualityFigures(40, 0, 0));
    }
}
