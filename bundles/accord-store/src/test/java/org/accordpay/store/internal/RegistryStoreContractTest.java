package org.accordpay.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.accordpay.api.registry.dto.BankAccount;
import org.accordpay.api.registry.dto.CustomerStatus;
import org.accordpay.api.registry.dto.EnrolmentState;
import org.accordpay.api.registry.dto.MerchantDecision;
import org.accordpay.api.registry.dto.MerchantStatus;
import org.accordpay.api.registry.dto.PostalAddress;
import org.accordpay.api.registry.dto.QualityFigures;
import org.accordpay.api.store.ConcurrentUpdateException;
import org.accordpay.api.store.StoreException;
import org.accordpay.api.store.dto.CustomerRecord;
import org.accordpay.api.store.dto.EnrolmentRecord;
import org.accordpay.api.store.dto.MerchantRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The registry's repositories (customers, enrolments, merchants) on every supported database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RegistryStoreContractTest {

    static final Instant T0 = Instant.parse("2026-01-02T03:04:05.123456Z");

    protected JpaStore store;

    /** @return settings of a fresh, empty database */
    protected abstract StoreSettings freshDatabase() throws Exception;

    protected void dropDatabase() throws Exception {
    }

    @BeforeAll
    void open() throws Exception {
        store = JpaStore.open(freshDatabase(), getClass().getClassLoader(), Clock.systemUTC());
    }

    @AfterAll
    void close() throws Exception {
        if (store != null) {
            store.close();
        }
        dropDatabase();
    }

    static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 18);
    }

    static String phone() {
        return "+3361" + String.format("%07d", (long) (Math.random() * 10_000_000));
    }

    static CustomerRecord customer(String id, String phone) {
        return new CustomerRecord(id, null, phone, "FR", new BankAccount("FR7630006000011234567890189", null, "A. Martin"),
                null, new PostalAddress("A. Martin", "1 rue de la Paix\nBât. B", "75002", "Paris", "FR"),
                CustomerStatus.PENDING, "$argon2id$v=19$m=64,t=1,p=1$c2FsdA$aGFzaA", T0, null, T0, 0);
    }

    static EnrolmentRecord enrolment(String id, String customerId, String phone) {
        return new EnrolmentRecord(id, customerId, phone, new byte[16], new byte[] {1, 2, 3}, new byte[32],
                EnrolmentState.CODE_SENT, 0, T0, T0.plus(10, ChronoUnit.MINUTES), T0, 0);
    }

    static MerchantRecord merchant(String id) {
        return new MerchantRecord(id, "Duval SARL", "Librairie Duval",
                new BankAccount("DE89370400440532013000", "COBADEFFXXX", "Duval SARL"), MerchantStatus.APPLIED,
                Set.of(), new QualityFigures(0, 0, 0), T0, T0, 0);
    }

    @Test
    void customerRoundTripsAndIsFoundByPhoneAndReference() {
        String id = id("c");
        String phone = phone();
        store.transact(tx -> {
            tx.customers().insert(customer(id, phone));
            return null;
        });
        CustomerRecord read = store.transact(tx -> tx.customers().find(id)).orElseThrow();
        assertThat(read).isEqualTo(customer(id, phone));
        assertThat(store.<java.util.Optional<CustomerRecord>>transact(tx -> tx.customers().findByPhone(phone))).contains(read);

        String reference = "AC" + (1_000_000_000L + (long) (Math.random() * 8_000_000_000L));
        Instant later = T0.plusSeconds(60);
        CustomerRecord active = new CustomerRecord(id, reference, phone, "FR", read.bankAccount(), "MND-" + reference,
                read.deliveryAddress(), CustomerStatus.ACTIVE, read.passwordHash(), T0, later, later, read.version());
        store.transact(tx -> {
            assertThat(tx.customers().lockForUpdate(id)).isPresent();
            tx.customers().update(active);
            return null;
        });
        CustomerRecord after = store.transact(tx -> tx.customers().findByReference(reference)).orElseThrow();
        assertThat(after.status()).isEqualTo(CustomerStatus.ACTIVE);
        assertThat(after.mandateId()).isEqualTo("MND-" + reference);
        assertThat(after.enrolledAt()).isEqualTo(later);
        assertThat(after.version()).isEqualTo(1);
        assertThat(after.deliveryAddress().street()).isEqualTo("1 rue de la Paix\nBât. B");
    }

    @Test
    void aStaleCustomerUpdateIsAConflict() {
        String id = id("c");
        store.transact(tx -> {
            tx.customers().insert(customer(id, phone()));
            return null;
        });
        CustomerRecord v0 = store.transact(tx -> tx.customers().find(id)).orElseThrow();
        store.transact(tx -> {
            tx.customers().update(new CustomerRecord(v0.id(), null, v0.phoneE164(), v0.country(), v0.bankAccount(),
                    null, v0.deliveryAddress(), CustomerStatus.CLOSED, v0.passwordHash(), T0, null, T0.plusSeconds(1),
                    v0.version()));
            return null;
        });
        assertThatThrownBy(() -> store.transact(tx -> {
            tx.customers().update(v0);
            return null;
        })).isInstanceOf(ConcurrentUpdateException.class);
    }

    @Test
    void phoneNumbersAndReferencesAreUnique() {
        String phone = phone();
        store.transact(tx -> {
            tx.customers().insert(customer(id("c"), phone));
            return null;
        });
        assertThatThrownBy(() -> store.transact(tx -> {
            tx.customers().insert(customer(id("c"), phone));
            return null;
        })).isInstanceOf(StoreException.class);

        String reference = "AC" + System.nanoTime() % 10_000_000_000L;
        String a = id("c");
        String b = id("c");
        store.transact(tx -> {
            CustomerRecord ca = customer(a, phone());
            tx.customers().insert(withReference(ca, reference));
            tx.customers().insert(customer(b, phone()));
            return null;
        });
        CustomerRecord cb = store.transact(tx -> tx.customers().find(b)).orElseThrow();
        assertThatThrownBy(() -> store.transact(tx -> {
            tx.customers().update(withReference(cb, reference));
            return null;
        })).isInstanceOf(StoreException.class);
    }

    private static CustomerRecord withReference(CustomerRecord c, String reference) {
        return new CustomerRecord(c.id(), reference, c.phoneE164(), c.country(), c.bankAccount(), c.mandateId(),
                c.deliveryAddress(), c.status(), c.passwordHash(), c.createdAt(), c.enrolledAt(), c.updatedAt(),
                c.version());
    }

    @Test
    void lockedIsNeverStored() {
        CustomerRecord c = customer(id("c"), phone());
        CustomerRecord locked = new CustomerRecord(c.id(), null, c.phoneE164(), c.country(), c.bankAccount(), null,
                c.deliveryAddress(), CustomerStatus.LOCKED, c.passwordHash(), T0, null, T0, 0);
        assertThatThrownBy(() -> store.transact(tx -> {
            tx.customers().insert(locked);
            return null;
        })).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void customersArePagedInIdOrder() {
        String prefix = "p" + UUID.randomUUID().toString().substring(0, 8);
        store.transact(tx -> {
            for (int i = 0; i < 5; i++) {
                tx.customers().insert(customer(prefix + "-" + i, phone()));
            }
            return null;
        });
        List<CustomerRecord> page = store.transact(tx -> tx.customers().list(prefix + "-1", 2));
        assertThat(page).extracting(CustomerRecord::id).containsExactly(prefix + "-2", prefix + "-3");
        List<CustomerRecord> first = store.transact(tx -> tx.customers().list(null, 1000));
        assertThat(first).extracting(CustomerRecord::id).isSorted().contains(prefix + "-0", prefix + "-4");
    }

    @Test
    void enrolmentRoundTripsAndCountsAttempts() {
        String customerId = id("c");
        String phone = phone();
        String e1 = id("e");
        String e2 = id("e");
        store.transact(tx -> {
            tx.customers().insert(customer(customerId, phone));
            tx.enrolments().insert(enrolment(e1, customerId, phone));
            tx.enrolments().insert(enrolment(e2, customerId, phone));
            return null;
        });
        EnrolmentRecord read = store.transact(tx -> tx.enrolments().find(e1)).orElseThrow();
        assertThat(read).isEqualTo(enrolment(e1, customerId, phone));

        Instant later = T0.plusSeconds(30);
        store.transact(tx -> {
            EnrolmentRecord locked = tx.enrolments().lockForUpdate(e1).orElseThrow();
            tx.enrolments().update(locked.with(EnrolmentState.PHONE_CONFIRMED, 2, later.plusSeconds(600), later));
            return null;
        });
        EnrolmentRecord after = store.transact(tx -> tx.enrolments().find(e1)).orElseThrow();
        assertThat(after.state()).isEqualTo(EnrolmentState.PHONE_CONFIRMED);
        assertThat(after.attempts()).isEqualTo(2);
        assertThat(after.expiresAt()).isEqualTo(later.plusSeconds(600));
        assertThat(after.version()).isEqualTo(1);
        assertThat(after.codeHash()).isEqualTo(new byte[32]);

        assertThatThrownBy(() -> store.transact(tx -> {
            tx.enrolments().update(read);
            return null;
        })).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(store.<List<EnrolmentRecord>>transact(tx -> tx.enrolments().forCustomer(customerId))).extracting(EnrolmentRecord::id)
                .containsExactlyInAnyOrder(e1, e2);
        assertThat(store.<java.util.Optional<EnrolmentRecord>>transact(tx -> tx.enrolments().find("nope"))).isEmpty();
    }

    @Test
    void anEnrolmentNeedsItsCustomer() {
        assertThatThrownBy(() -> store.transact(tx -> {
            tx.enrolments().insert(enrolment(id("e"), "no-such-customer", phone()));
            return null;
        })).isInstanceOf(StoreException.class);
    }

    @Test
    void merchantRoundTripsWithConditionsAndCounters() {
        String id = id("m");
        store.transact(tx -> {
            tx.merchants().insert(merchant(id));
            return null;
        });
        MerchantRecord read = store.transact(tx -> tx.merchants().find(id)).orElseThrow();
        assertThat(read).isEqualTo(merchant(id));

        Instant later = T0.plusSeconds(5);
        MerchantRecord admitted = new MerchantRecord(id, read.legalName(), read.displayName(), read.bankAccount(),
                MerchantStatus.ADMITTED, Set.of("terms-accepted", "bank-account-verified"), new QualityFigures(20, 3, 1),
                read.createdAt(), later, read.version());
        store.transact(tx -> {
            tx.merchants().lockForUpdate(id).orElseThrow();
            tx.merchants().update(admitted);
            return null;
        });
        MerchantRecord after = store.transact(tx -> tx.merchants().find(id)).orElseThrow();
        assertThat(after.conditions()).containsExactlyInAnyOrder("terms-accepted", "bank-account-verified");
        assertThat(after.quality()).isEqualTo(new QualityFigures(20, 3, 1));
        assertThat(after.version()).isEqualTo(1);
        assertThat(store.<List<MerchantRecord>>transact(tx -> tx.merchants().withStatus(MerchantStatus.ADMITTED)))
                .extracting(MerchantRecord::id).contains(id);
        assertThat(store.<List<MerchantRecord>>transact(tx -> tx.merchants().withStatus(MerchantStatus.APPLIED)))
                .extracting(MerchantRecord::id).doesNotContain(id);

        assertThatThrownBy(() -> store.transact(tx -> {
            tx.merchants().update(read);
            return null;
        })).isInstanceOf(ConcurrentUpdateException.class);
    }

    @Test
    void aConditionNameWithACommaIsRefused() {
        MerchantRecord m = merchant(id("m"));
        MerchantRecord bad = new MerchantRecord(m.id(), m.legalName(), m.displayName(), m.bankAccount(), m.status(),
                Set.of("a,b"), m.quality(), T0, T0, 0);
        assertThatThrownBy(() -> store.transact(tx -> {
            tx.merchants().insert(bad);
            return null;
        })).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decisionsAreKeptInOrderAndPagedMerchantsToo() {
        String id = id("m");
        store.transact(tx -> {
            tx.merchants().insert(merchant(id));
            tx.merchants().recordDecision(new MerchantDecision(id, T0, "applied", "alice", "new application"));
            tx.merchants().recordDecision(new MerchantDecision(id, T0.plusSeconds(1), "condition:terms-accepted",
                    "bob", "x".repeat(1500)));
            tx.merchants().recordDecision(new MerchantDecision(id, T0.plusSeconds(2), "admitted", "bob", "ok"));
            return null;
        });
        List<MerchantDecision> decisions = store.transact(tx -> tx.merchants().decisions(id));
        assertThat(decisions).extracting(MerchantDecision::decision)
                .containsExactly("applied", "condition:terms-accepted", "admitted");
        assertThat(decisions.get(0)).isEqualTo(new MerchantDecision(id, T0, "applied", "alice", "new application"));
        assertThat(decisions.get(1).reason()).hasSize(JpaMerchantRepository.MAX_REASON);

        assertThatThrownBy(() -> store.transact(tx -> {
            tx.merchants().recordDecision(new MerchantDecision("no-such-merchant", T0, "admitted", "bob", "ok"));
            return null;
        })).isInstanceOf(StoreException.class);

        assertThat(store.<List<MerchantRecord>>transact(tx -> tx.merchants().list(null, 500))).extracting(MerchantRecord::id)
                .isSorted().contains(id);
        assertThat(store.<List<MerchantRecord>>transact(tx -> tx.merchants().list(id, 500))).extracting(MerchantRecord::id)
                .doesNotContain(id);
    }
}
