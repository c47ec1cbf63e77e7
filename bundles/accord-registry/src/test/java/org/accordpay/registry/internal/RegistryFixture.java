package org.accordpay.registry.internal;

import org.accordpay.testkit.MovableClock;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accordpay.api.carrier.dto.SmsPayload;
import org.accordpay.api.challenge.ChallengeEngine;
import org.accordpay.api.registry.dto.BankAccount;
import org.accordpay.api.registry.dto.EnrolmentApplication;
import org.accordpay.api.registry.dto.PostalAddress;
import org.accordpay.api.store.dto.OutboxMessage;
import org.accordpay.challenge.internal.TestEngines;
import org.accordpay.crypto.Argon2idParams;
import org.accordpay.store.internal.JpaStore;
import org.accordpay.store.internal.StoreSettings;

/** A real store on H2, the real challenge engine and both registries, with a clock tests move. */
final class RegistryFixture implements AutoCloseable {

    static final String IBAN = "FR7630006000011234567890189";
    static final String PASSWORD = "correct horse battery";

    final MovableClock clock = new MovableClock();
    final JpaStore store;
    final ChallengeEngine engine;
    final CustomerRegistryImpl customers;
    final MerchantRegistryImpl merchants;
    final OperatorAccountsImpl operators;

    RegistryFixture(Path dir) throws Exception {
        this(dir, RegistryPolicy.defaults(Argon2idParams.TEST_ONLY));
    }

    RegistryFixture(Path dir, RegistryPolicy policy) throws Exception {
        store = JpaStore.open(StoreSettings.of("jdbc:h2:" + dir.resolve("db"), "sa", "", 4, 1),
                JpaStore.class.getClassLoader(), clock.asClock());
        engine = TestEngines.inMemory(store, clock);
        customers = new CustomerRegistryImpl(store, clock, engine, policy);
        merchants = new MerchantRegistryImpl(store, clock, policy);
        operators = new OperatorAccountsImpl(store, clock, policy, 5, java.time.Duration.ofMinutes(15));
    }

    static EnrolmentApplication application(String phone) {
        return application(phone, "FR", IBAN, true);
    }

    static EnrolmentApplication application(String phone, String country, String iban, boolean mandate) {
        return new EnrolmentApplication(phone, country, new BankAccount(iban, null, "Anne Martin"), mandate,
                new PostalAddress("Anne Martin", "12 rue des Lilas", "69003", "Lyon", "FR"), PASSWORD.toCharArray());
    }

    /** @return the one-time code sent for the enrolment, read from its outbox row */
    String sentCode(String enrolmentId) {
        OutboxMessage row = sms(enrolmentId);
        Matcher m = Pattern.compile("code: (\\d+)").matcher(SmsPayload.decode(row.payload()).text());
        if (!m.find()) {
            throw new AssertionError("no code in " + row);
        }
        return m.group(1);
    }

    OutboxMessage sms(String enrolmentId) {
        List<OutboxMessage> due = store.transact(tx -> tx.outbox().due("sms", clock.now().plusSeconds(3600), 1000));
        return due.stream().filter(o -> o.id().equals("otp-" + enrolmentId)).findFirst()
                .orElseThrow(() -> new AssertionError("no sms for " + enrolmentId));
    }

    long auditEntries(String type) {
        // the audit log is write-only from the API: count through the chainer's view of unlinked entries
        return store.transact(tx -> tx.auditChain().unlinked(10_000)).stream().filter(e -> e.type().equals(type))
                .count();
    }

    @Override
    public void close() {
        store.close();
    }
}
