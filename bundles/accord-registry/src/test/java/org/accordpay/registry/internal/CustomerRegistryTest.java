package org.accordpay.registry.internal;

import static org.accordpay.registry.internal.RegistryFixture.application;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.accordpay.api.carrier.dto.SmsPayload;
import org.accordpay.api.challenge.ChallengeException;
import org.accordpay.api.challenge.dto.Provisioning;
import org.accordpay.api.purchase.dto.CustomerIdentifier;
import org.accordpay.api.registry.RegistryException;
import org.accordpay.api.registry.dto.Customer;
import org.accordpay.api.registry.dto.CustomerStatus;
import org.accordpay.api.registry.dto.EnrolmentApplication;
import org.accordpay.api.registry.dto.EnrolmentState;
import org.accordpay.api.registry.dto.EnrolmentTicket;
import org.accordpay.api.store.dto.CustomerCredential;
import org.accordpay.api.store.dto.EnrolmentRecord;
import org.accordpay.handset.HandsetAgent;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The customer registry against the real store (H2), the real challenge engine and the reference handset. */
class CustomerRegistryTest {

    static final String MOBILE = "+33612345678";
    static final char[] PIN = "583920".toCharArray();

    @TempDir
    Path dir;

    private RegistryFixture f;
    private int handsets;

    @BeforeEach
    void start() throws Exception {
        f = new RegistryFixture(dir);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private HandsetAgent handset() throws Exception {
        return HandsetAgent.create(dir.resolve("handset-" + (++handsets) + ".json"), f.clock.asClock());
    }

    private static void refused(ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOf(RegistryException.class).extracting("code").isEqualTo(code);
    }

    /** Enrols {@code phone} all the way; returns the customer id. */
    private String enrol(String phone) throws Exception {
        EnrolmentTicket ticket = f.customers.startEnrolment(application(phone));
        f.customers.confirmPhone(ticket.enrolmentId(), f.sentCode(ticket.enrolmentId()));
        HandsetAgent handset = handset();
        Provisioning p = f.customers.completeEnrolment(ticket.enrolmentId(),
                handset.enrolmentRequest(ticket.enrolmentNonce()));
        handset.enrol(p.packageBytes(), PIN);
        return ticket.customerId();
    }

    @Test
    void enrolsFromApplicationToActiveCustomerWithAWorkingHandset() throws Exception {
        EnrolmentApplication application = application("06 12 34 56 78");
        EnrolmentTicket ticket = f.customers.startEnrolment(application);

        assertThat(application.password()).as("the password is cleared after use").containsOnly('\0');
        assertThat(ticket.state()).isEqualTo(EnrolmentState.CODE_SENT);
        assertThat(ticket.phoneE164()).isEqualTo(MOBILE);
        assertThat(ticket.enrolmentNonce()).hasSize(16);
        assertThat(ticket.expiresAt()).isEqualTo(f.clock.now().plus(Duration.ofMinutes(10)));
        assertThat(f.customers.find(ticket.customerId()).orElseThrow().status()).isEqualTo(CustomerStatus.PENDING);

        var sms = f.sms(ticket.enrolmentId());
        assertThat(sms.channel()).isEqualTo("sms");
        assertThat(sms.destination()).isEqualTo("phone:" + MOBILE);
        String code = f.sentCode(ticket.enrolmentId());
        assertThat(code).hasSize(6).containsOnlyDigits();
        assertThat(SmsPayload.decode(sms.payload()).text()).startsWith("Accord code: " + code);
        EnrolmentRecord stored = f.store.transact(tx -> tx.enrolments().find(ticket.enrolmentId())).orElseThrow();
        assertThat(stored.codeHash()).as("only a hash of the code is kept").hasSize(32)
                .isNotEqualTo(code.getBytes(StandardCharsets.UTF_8));
        assertThat(f.auditEntries("customer.enrolment-started")).isEqualTo(1);

        EnrolmentTicket confirmed = f.customers.confirmPhone(ticket.enrolmentId(), code);
        assertThat(confirmed.state()).isEqualTo(EnrolmentState.PHONE_CONFIRMED);

        HandsetAgent handset = handset();
        Provisioning p = f.customers.completeEnrolment(ticket.enrolmentId(),
                handset.enrolmentRequest(ticket.enrolmentNonce()));
        handset.enrol(p.packageBytes(), PIN);
        assertThat(handset.enrolled()).isTrue();
        assertThat(p.customerId()).isEqualTo(ticket.customerId());

        Customer c = f.customers.find(ticket.customerId()).orElseThrow();
        assertThat(c.status()).isEqualTo(CustomerStatus.ACTIVE);
        assertThat(ReferenceNumbers.wellFormed(c.reference())).isTrue();
        assertThat(c.mandateId()).isEqualTo("MND-" + c.reference());
        assertThat(c.enrolledAt()).isEqualTo(f.clock.now());
        assertThat(c.bankAccount().iban()).isEqualTo(RegistryFixture.IBAN);
        assertThat(f.customers.enrolment(ticket.enrolmentId()).orElseThrow().state())
                .isEqualTo(EnrolmentState.COMPLETED);
        assertThat(f.auditEntries("customer.enrolled")).isEqualTo(1);

        assertThat(f.customers.resolve(CustomerIdentifier.byPhone("0612345678", "FR"))).contains(c);
        assertThat(f.customers.resolve(CustomerIdentifier.byPhone(MOBILE, "BE"))).contains(c);
        assertThat(f.customers.resolve(CustomerIdentifier.byReference(c.reference()))).contains(c);
        assertThat(f.customers.resolve(CustomerIdentifier.byReference("AC0000000001"))).isEmpty();
        assertThat(f.customers.resolve(CustomerIdentifier.byPhone("0612345679", "FR"))).isEmpty();
    }

    @Test
    void refusesAnInvalidOrNonMobilePhone() {
        refused(() -> f.customers.startEnrolment(application("12345")), RegistryException.INVALID_PHONE);
        refused(() -> f.customers.startEnrolment(application("+33 1 42 68 53 00")), RegistryException.INVALID_PHONE);
        refused(() -> f.customers.startEnrolment(application("0612345678", "XX", RegistryFixture.IBAN, true)),
                RegistryException.INVALID_FIELD);
        assertThat(f.customers.list(null, 10)).isEmpty();
    }

    @Test
    void refusesAnInvalidIban() {
        EnrolmentApplication bad = application(MOBILE, "FR", "FR7630006000011234567890188", true);
        refused(() -> f.customers.startEnrolment(bad), RegistryException.INVALID_IBAN);
        assertThat(bad.password()).containsOnly('\0');
        refused(() -> f.customers.startEnrolment(application(MOBILE, "FR", "not an iban", true)),
                RegistryException.INVALID_IBAN);
        assertThat(f.customers.list(null, 10)).isEmpty();
    }

    @Test
    void refusesWithoutTheMandateOrWithAShortPassword() {
        refused(() -> f.customers.startEnrolment(application(MOBILE, "FR", RegistryFixture.IBAN, false)),
                RegistryException.INVALID_FIELD);
        EnrolmentApplication a = application(MOBILE);
        EnrolmentApplication shortPassword = new EnrolmentApplication(a.phoneE164(), a.country(), a.bankAccount(),
                true, a.deliveryAddress(), "short".toCharArray());
        refused(() -> f.customers.startEnrolment(shortPassword), RegistryException.INVALID_FIELD);
        assertThat(f.customers.list(null, 10)).isEmpty();
    }

    @Test
    void threeWrongCodesFailTheEnrolment() {
        EnrolmentTicket ticket = f.customers.startEnrolment(application(MOBILE));
        String code = f.sentCode(ticket.enrolmentId());
        String wrong = code.equals("000000") ? "000001" : "000000";
        assertThatThrownBy(() -> f.customers.confirmPhone(ticket.enrolmentId(), wrong))
                .isInstanceOf(RegistryException.class).hasMessageContaining("2 attempt(s) left");
        refused(() -> f.customers.confirmPhone(ticket.enrolmentId(), null), RegistryException.WRONG_CODE);
        refused(() -> f.customers.confirmPhone(ticket.enrolmentId(), wrong), RegistryException.WRONG_CODE);

        assertThat(f.customers.enrolment(ticket.enrolmentId()).orElseThrow().state())
                .isEqualTo(EnrolmentState.FAILED);
        refused(() -> f.customers.confirmPhone(ticket.enrolmentId(), code), RegistryException.UNKNOWN_ENROLMENT);
        assertThat(f.auditEntries("customer.enrolment-failed")).isEqualTo(1);
    }

    @Test
    void anExpiredCodeIsRefused() {
        EnrolmentTicket ticket = f.customers.startEnrolment(application(MOBILE));
        String code = f.sentCode(ticket.enrolmentId());
        f.clock.advance(Duration.ofMinutes(10));
        refused(() -> f.customers.confirmPhone(ticket.enrolmentId(), code), RegistryException.UNKNOWN_ENROLMENT);
        assertThat(f.customers.enrolment(ticket.enrolmentId()).orElseThrow().state())
                .isEqualTo(EnrolmentState.FAILED);
    }

    @Test
    void aConfirmedEnrolmentExpiresToo() throws Exception {
        EnrolmentTicket ticket = f.customers.startEnrolment(application(MOBILE));
        f.customers.confirmPhone(ticket.enrolmentId(), f.sentCode(ticket.enrolmentId()));
        f.clock.advance(Duration.ofMinutes(11));
        byte[] request = handset().enrolmentRequest(ticket.enrolmentNonce());
        refused(() -> f.customers.completeEnrolment(ticket.enrolmentId(), request),
                RegistryException.UNKNOWN_ENROLMENT);
        assertThat(f.engine.status(ticket.customerId())).as("nothing enrolled").isEmpty();
    }

    @Test
    void stepsMustComeInOrder() throws Exception {
        EnrolmentTicket ticket = f.customers.startEnrolment(application(MOBILE));
        byte[] request = handset().enrolmentRequest(ticket.enrolmentNonce());
        refused(() -> f.customers.completeEnrolment(ticket.enrolmentId(), request), RegistryException.OUT_OF_ORDER);

        String code = f.sentCode(ticket.enrolmentId());
        f.customers.confirmPhone(ticket.enrolmentId(), code);
        refused(() -> f.customers.confirmPhone(ticket.enrolmentId(), code), RegistryException.OUT_OF_ORDER);

        f.customers.completeEnrolment(ticket.enrolmentId(), request);
        refused(() -> f.customers.completeEnrolment(ticket.enrolmentId(), request),
                RegistryException.UNKNOWN_ENROLMENT);
        refused(() -> f.customers.confirmPhone("e-nope", code), RegistryException.UNKNOWN_ENROLMENT);
        refused(() -> f.customers.completeEnrolment("e-nope", request), RegistryException.UNKNOWN_ENROLMENT);
    }

    @Test
    void theHandsetMustSignThisEnrolmentsNonce() throws Exception {
        EnrolmentTicket ticket = f.customers.startEnrolment(application(MOBILE));
        f.customers.confirmPhone(ticket.enrolmentId(), f.sentCode(ticket.enrolmentId()));
        HandsetAgent handset = handset();
        assertThatThrownBy(() -> f.customers.completeEnrolment(ticket.enrolmentId(),
                handset.enrolmentRequest(new byte[16]))).isInstanceOf(ChallengeException.class)
                .extracting("code").isEqualTo(ChallengeException.MALFORMED_ENROLMENT);
        assertThatThrownBy(() -> f.customers.completeEnrolment(ticket.enrolmentId(), new byte[147]))
                .isInstanceOf(ChallengeException.class)
                .extracting("code").isEqualTo(ChallengeException.MALFORMED_ENROLMENT);
        assertThat(f.customers.find(ticket.customerId()).orElseThrow().status()).isEqualTo(CustomerStatus.PENDING);
        assertThat(f.engine.status(ticket.customerId())).isEmpty();

        f.customers.completeEnrolment(ticket.enrolmentId(), handset.enrolmentRequest(ticket.enrolmentNonce()));
        assertThat(f.customers.find(ticket.customerId()).orElseThrow().status()).isEqualTo(CustomerStatus.ACTIVE);
    }

    @Test
    void anEnrolledNumberCannotEnrolAgainButAPendingOneIsSuperseded() throws Exception {
        EnrolmentTicket first = f.customers.startEnrolment(application(MOBILE));
        EnrolmentTicket second = f.customers.startEnrolment(application("0612345678"));
        assertThat(second.customerId()).isEqualTo(first.customerId());
        assertThat(f.customers.enrolment(first.enrolmentId()).orElseThrow().state()).isEqualTo(EnrolmentState.FAILED);
        refused(() -> f.customers.confirmPhone(first.enrolmentId(), f.sentCode(first.enrolmentId())),
                RegistryException.UNKNOWN_ENROLMENT);

        f.customers.confirmPhone(second.enrolmentId(), f.sentCode(second.enrolmentId()));
        f.customers.completeEnrolment(second.enrolmentId(), handset().enrolmentRequest(second.enrolmentNonce()));
        refused(() -> f.customers.startEnrolment(application(MOBILE)), RegistryException.ALREADY_ENROLLED);
    }

    @Test
    void completionCanBeRetriedAfterACrashBetweenTheEngineAndTheRegistry() throws Exception {
        EnrolmentTicket ticket = f.customers.startEnrolment(application(MOBILE));
        f.customers.confirmPhone(ticket.enrolmentId(), f.sentCode(ticket.enrolmentId()));
        HandsetAgent handset = handset();
        byte[] request = handset.enrolmentRequest(ticket.enrolmentNonce());
        // the engine committed its enrolment, then the process died before the registry's transaction
        Provisioning delivered = f.engine.enrol(ticket.customerId(), request);
        assertThat(f.customers.find(ticket.customerId()).orElseThrow().status()).isEqualTo(CustomerStatus.PENDING);

        byte[] impostor = handset().enrolmentRequest(ticket.enrolmentNonce());
        refused(() -> f.customers.completeEnrolment(ticket.enrolmentId(), impostor),
                RegistryException.ALREADY_ENROLLED);

        Provisioning retried = f.customers.completeEnrolment(ticket.enrolmentId(), request);
        assertThat(retried.deviceId()).isEqualTo(delivered.deviceId());
        assertThat(retried.packageBytes()).as("the package is handed out once").isEmpty();
        assertThat(f.customers.find(ticket.customerId()).orElseThrow().status()).isEqualTo(CustomerStatus.ACTIVE);
        assertThat(f.customers.enrolment(ticket.enrolmentId()).orElseThrow().state())
                .isEqualTo(EnrolmentState.COMPLETED);
    }

    @Test
    void lockedIsTheCredentialsStateAndUnlockIsRecorded() throws Exception {
        String id = enrol(MOBILE);
        refused(() -> f.customers.unlock(id, "alice", "not locked"), RegistryException.WRONG_STATUS);
        f.store.transact(tx -> {
            CustomerCredential c = tx.credentials().lockForUpdate(id).orElseThrow();
            tx.credentials().update(new CustomerCredential(c.customerId(), c.deviceId(), c.deviceSigningKey(),
                    c.deviceTransportKey(), c.tableId(), c.generation(), c.sealedTable(), c.wrappedDataKey(),
                    c.keyVersion(), c.remainingCells(), 5, f.clock.now(), "5 consecutive failures", c.enrolledAt(),
                    f.clock.now(), c.pending(), c.version()));
            return null;
        });
        Customer locked = f.customers.find(id).orElseThrow();
        assertThat(locked.status()).isEqualTo(CustomerStatus.LOCKED);
        assertThat(f.customers.resolve(CustomerIdentifier.byReference(locked.reference()))).contains(locked);
        assertThat(f.customers.list(null, 10)).extracting(Customer::status).containsExactly(CustomerStatus.LOCKED);

        refused(() -> f.customers.unlock(id, "alice", " "), RegistryException.INVALID_FIELD);
        Customer unlocked = f.customers.unlock(id, "alice", "customer called, identity checked");
        assertThat(unlocked.status()).isEqualTo(CustomerStatus.ACTIVE);
        assertThat(f.engine.status(id).orElseThrow().locked()).isFalse();
        assertThat(f.auditEntries("customer.unlocked")).isEqualTo(1);
        refused(() -> f.customers.unlock("c-nope", "alice", "why"), RegistryException.UNKNOWN_CUSTOMER);
    }

    @Test
    void changesThePasswordOnlyWithTheCurrentOneAndAStrongNewOne() throws Exception {
        String id = enrol(MOBILE);
        String reference = f.customers.find(id).orElseThrow().reference();
        char[] old = RegistryFixture.PASSWORD.toCharArray();
        CustomerIdentifier byPhone = CustomerIdentifier.byPhone(MOBILE, "FR");

        assertThat(f.customers.changePassword(id, "not the password".toCharArray(), "new-secret-2026".toCharArray()))
                .as("wrong current password").isFalse();
        for (String weak : List.of("short-1", "aaaaabbbbbaaaaa", RegistryFixture.PASSWORD,
                "my" + MOBILE.substring(3) + "pw", "x-" + reference.toLowerCase(java.util.Locale.ROOT) + "-y")) {
            refused(() -> f.customers.changePassword(id, old, weak.toCharArray()), RegistryException.INVALID_FIELD);
        }
        assertThat(f.customers.authenticate(byPhone, old)).as("nothing changed so far").isPresent();
        assertThat(f.auditEntries("customer.password-changed")).isZero();

        assertThat(f.customers.changePassword(id, old, "new-secret-2026".toCharArray())).isTrue();
        assertThat(f.customers.authenticate(byPhone, old)).isEmpty();
        assertThat(f.customers.authenticate(byPhone, "new-secret-2026".toCharArray())).map(Customer::id).contains(id);
        assertThat(f.auditEntries("customer.password-changed")).isEqualTo(1);
        assertThat(f.store.transact(tx -> tx.customers().find(id)).orElseThrow().passwordHash())
                .startsWith("$argon2id$v=19$");
        refused(() -> f.customers.changePassword("c-nope", old, "new-secret-2027".toCharArray()),
                RegistryException.UNKNOWN_CUSTOMER);
    }

    @Test
    void authenticatesOnlyEnrolledCustomersWithTheRightPassword() throws Exception {
        String id = enrol(MOBILE);
        String reference = f.customers.find(id).orElseThrow().reference();
        char[] right = RegistryFixture.PASSWORD.toCharArray();
        assertThat(f.customers.authenticate(CustomerIdentifier.byPhone(MOBILE, "FR"), right))
                .map(Customer::id).contains(id);
        assertThat(f.customers.authenticate(CustomerIdentifier.byReference(reference), right)).isPresent();
        assertThat(f.customers.authenticate(CustomerIdentifier.byReference(reference), "wrong password".toCharArray()))
                .isEmpty();
        assertThat(f.customers.authenticate(CustomerIdentifier.byPhone("+33698765432", "FR"), right)).isEmpty();

        f.customers.startEnrolment(application("+33698765432"));
        assertThat(f.customers.authenticate(CustomerIdentifier.byPhone("+33698765432", "FR"), right))
                .as("a pending customer cannot sign in").isEmpty();
    }

    @Test
    void listsCustomersByPages() throws Exception {
        for (String phone : List.of("+33611111111", "+33622222222", "+33633333333")) {
            f.customers.startEnrolment(application(phone));
        }
        List<Customer> all = f.customers.list(null, 500);
        assertThat(all).hasSize(3).extracting(Customer::id).isSorted();
        assertThat(f.customers.list(all.get(0).id(), 1)).containsExactly(all.get(1));
        refused(() -> f.customers.list(null, 0), RegistryException.INVALID_FIELD);
        refused(() -> f.customers.list(null, 501), RegistryException.INVALID_FIELD);
    }
}
