package org.accordpay.registry.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.accordpay.api.carrier.dto.SmsPayload;
import org.accordpay.api.challenge.ChallengeEngine;
import org.accordpay.api.challenge.ChallengeException;
import org.accordpay.api.challenge.dto.CredentialStatus;
import org.accordpay.api.challenge.dto.Provisioning;
import org.accordpay.api.fault.FaultPoint;
import org.accordpay.api.purchase.dto.CustomerIdentifier;
import org.accordpay.api.registry.CustomerRegistry;
import org.accordpay.api.registry.RegistryException;
import org.accordpay.api.registry.dto.BankAccount;
import org.accordpay.api.registry.dto.Customer;
import org.accordpay.api.registry.dto.CustomerStatus;
import org.accordpay.api.registry.dto.EnrolmentApplication;
import org.accordpay.api.registry.dto.EnrolmentState;
import org.accordpay.api.registry.dto.EnrolmentTicket;
import org.accordpay.api.registry.dto.PostalAddress;
import org.accordpay.api.store.AccordStore;
import org.accordpay.api.store.StoreTransaction;
import org.accordpay.api.store.dto.CustomerCredential;
import org.accordpay.api.store.dto.CustomerRecord;
import org.accordpay.api.store.dto.EnrolmentRecord;
import org.accordpay.api.store.dto.OutboxMessage;
import org.accordpay.api.time.AccordClock;
import org.accordpay.crypto.ConstantTime;
import org.accordpay.crypto.Randomness;
import org.accordpay.crypto.Sha256;
import org.accordpay.crypto.protocol.EnrolmentRequest;
import org.accordpay.crypto.protocol.Hex;
import org.accordpay.crypto.protocol.ProtocolException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The customer registry: enrolment as a flow (one-time code to the phone, handset keys and table
 * through the challenge engine, mandate, reference number), look-up and console passwords. Every
 * state change is one store transaction with its audit entry (and its outbox row).
 */
@Component(service = CustomerRegistry.class, configurationPid = "org.accordpay.registry",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = RegistryConfiguration.class)
public final class CustomerRegistryImpl implements CustomerRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(CustomerRegistryImpl.class);

    /** Outbox channel and destination prefix of the one-time code. */
    static final String SMS_CHANNEL = "sms";
    static final String PHONE_DESTINATION = "phone:";
    static final int NONCE_LENGTH = 16;
    static final int MAX_PAGE = 500;

    private final AccordStore store;
    private final AccordClock clock;
    private final ChallengeEngine engine;
    private final RegistryPolicy policy;
    private final ConsolePasswords passwords;

    /** Reads the configuration; needs the store, the clock and the challenge engine. */
    @Activate
    public CustomerRegistryImpl(RegistryConfiguration config, @Reference AccordStore store,
            @Reference AccordClock clock, @Reference ChallengeEngine engine) {
        this(store, clock, engine, RegistryPolicy.of(config));
    }

    CustomerRegistryImpl(AccordStore store, AccordClock clock, ChallengeEngine engine, RegistryPolicy policy) {
        this.store = store;
        this.clock = clock;
        this.engine = engine;
        this.policy = policy;
        this.passwords = new ConsolePasswords(policy.passwordArgon2());
    }

    @Override
    public EnrolmentTicket startEnrolment(EnrolmentApplication application) {
        Objects.requireNonNull(application, "application");
        char[] password = application.password();
        try {
            String country = ApplicationChecks.country(application.country(), "country");
            String phone = ApplicationChecks.mobile(application.phoneE164(), country);
            BankAccount account = ApplicationChecks.bankAccount(application.bankAccount());
            if (!application.mandateAccepted()) {
                throw new RegistryException(RegistryException.INVALID_FIELD, "the debit mandate must be accepted");
            }
            PostalAddress address = ApplicationChecks.address(application.deliveryAddress());
            ApplicationChecks.password(password);
            refuseEnrolled(store.transact(tx -> tx.customers().findByPhone(phone)));
            String passwordHash = passwords.hash(password);
            return start(phone, country, account, address, passwordHash);
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    private static void refuseEnrolled(Optional<CustomerRecord> existing) {
        if (existing.isPresent() && existing.get().status() != CustomerStatus.PENDING) {
            throw new RegistryException(RegistryException.ALREADY_ENROLLED,
                    "this phone number is already enrolled (customer " + existing.get().id() + ")");
        }
    }

    private EnrolmentTicket start(String phone, String country, BankAccount account, PostalAddress address,
            String passwordHash) {
        Instant now = clock.now();
        String code = oneTimeCode();
        byte[] salt = Randomness.bytes(16);
        byte[] nonce = Randomness.bytes(NONCE_LENGTH);
        String enrolmentId = "e-" + Hex.encode(Randomness.bytes(12));
        Instant expiresAt = now.plus(policy.codeTtl());
        EnrolmentRecord enrolment = store.transact(tx -> {
            Optional<CustomerRecord> existing = tx.customers().findByPhone(phone);
            refuseEnrolled(existing);
            String customerId;
            if (existing.isPresent()) {
                // an earlier enrolment that never completed: this one supersedes it
                CustomerRecord c = tx.customers().lockForUpdate(existing.get().id()).orElseThrow();
                refuseEnrolled(Optional.of(c));
                customerId = c.id();
                for (EnrolmentRecord old : tx.enrolments().forCustomer(customerId)) {
                    if (open(old.state())) {
                        tx.enrolments().update(old.with(EnrolmentState.FAILED, old.attempts(), old.expiresAt(), now));
                        audit(tx, "customer.enrolment-superseded", customerId, old.id(), enrolmentId);
                    }
                }
                tx.customers().update(new CustomerRecord(customerId, null, phone, country, account, null, address,
                        CustomerStatus.PENDING, passwordHash, c.createdAt(), null, now, c.version()));
            } else {
                customerId = "c-" + Hex.encode(Randomness.bytes(12));
                tx.customers().insert(new CustomerRecord(customerId, null, phone, country, account, null, address,
                        CustomerStatus.PENDING, passwordHash, now, null, now, 0));
            }
            EnrolmentRecord e = new EnrolmentRecord(enrolmentId, customerId, phone, nonce, salt, codeHash(salt, code),
                    EnrolmentState.CODE_SENT, 0, now, expiresAt, now, 0);
            tx.enrolments().insert(e);
            String text = "Accord code: " + code + " (valid " + policy.codeTtl().toMinutes()
                    + " min). Never give it to anyone.";
            tx.outbox().enqueue(new OutboxMessage("otp-" + enrolmentId, SMS_CHANNEL, PHONE_DESTINATION + phone, null,
                    SmsPayload.text(text).encode(), 0, now, now, null));
            audit(tx, "customer.enrolment-started", customerId, enrolmentId, phone, country);
            return e;
        });
        LOG.info("Enrolment {} started for customer {}", enrolmentId, enrolment.customerId());
        return ticket(enrolment);
    }

    @Override
    public EnrolmentTicket confirmPhone(String enrolmentId, String oneTimeCode) {
        Objects.requireNonNull(enrolmentId, "enrolment id");
        Instant now = clock.now();
        Step<EnrolmentRecord> step = store.transact(tx -> {
            EnrolmentRecord e = tx.enrolments().lockForUpdate(enrolmentId).orElse(null);
            if (e == null || e.state() == EnrolmentState.COMPLETED || e.state() == EnrolmentState.FAILED) {
                return Step.refused(unknown(enrolmentId));
            }
            if (e.state() != EnrolmentState.CODE_SENT) {
                return Step.refused(new RegistryException(RegistryException.OUT_OF_ORDER,
                        "the phone of enrolment " + enrolmentId + " is already confirmed"));
            }
            if (!now.isBefore(e.expiresAt())) {
                tx.enrolments().update(e.with(EnrolmentState.FAILED, e.attempts(), e.expiresAt(), now));
                audit(tx, "customer.enrolment-expired", e.customerId(), enrolmentId);
                return Step.refused(new RegistryException(RegistryException.UNKNOWN_ENROLMENT,
                        "enrolment " + enrolmentId + " has expired: start again"));
            }
            String given = oneTimeCode == null ? "" : oneTimeCode.strip();
            if (!ConstantTime.equals(codeHash(e.codeSalt(), given), e.codeHash())) {
                int attempts = e.attempts() + 1;
                boolean failed = attempts >= policy.maxWrongCodes();
                tx.enrolments().update(e.with(failed ? EnrolmentState.FAILED : EnrolmentState.CODE_SENT, attempts,
                        e.expiresAt(), now));
                if (failed) {
                    audit(tx, "customer.enrolment-failed", e.customerId(), enrolmentId, "wrong codes");
                }
                return Step.refused(new RegistryException(RegistryException.WRONG_CODE, failed
                        ? "wrong code; too many wrong codes: the enrolment has failed, start again"
                        : "wrong code; " + (policy.maxWrongCodes() - attempts) + " attempt(s) left"));
            }
            EnrolmentRecord confirmed = e.with(EnrolmentState.PHONE_CONFIRMED, e.attempts(),
                    now.plus(policy.codeTtl()), now);
            tx.enrolments().update(confirmed);
            audit(tx, "customer.phone-confirmed", e.customerId(), enrolmentId, e.phoneE164());
            return Step.done(confirmed);
        });
        return ticket(step.get());
    }

    @Override
    public Provisioning completeEnrolment(String enrolmentId, byte[] enrolmentRequest) {
        Objects.requireNonNull(enrolmentId, "enrolment id");
        Instant now = clock.now();
        EnrolmentRecord e = store.transact(tx -> tx.enrolments().find(enrolmentId))
                .orElseThrow(() -> unknown(enrolmentId));
        switch (e.state()) {
            case CODE_SENT -> throw new RegistryException(RegistryException.OUT_OF_ORDER,
                    "confirm the phone with its one-time code first");
            case COMPLETED, FAILED -> throw unknown(enrolmentId);
            case PHONE_CONFIRMED -> {
            }
        }
        if (!now.isBefore(e.expiresAt())) {
            store.transact(tx -> {
                EnrolmentRecord locked = tx.enrolments().lockForUpdate(enrolmentId).orElseThrow();
                if (locked.state() == EnrolmentState.PHONE_CONFIRMED) {
                    tx.enrolments().update(locked.with(EnrolmentState.FAILED, locked.attempts(), locked.expiresAt(),
                            now));
                    audit(tx, "customer.enrolment-expired", locked.customerId(), enrolmentId);
                }
                return null;
            });
            throw new RegistryException(RegistryException.UNKNOWN_ENROLMENT,
                    "enrolment " + enrolmentId + " has expired: start again");
        }
        EnrolmentRequest request = parse(enrolmentRequest);
        if (!ConstantTime.equals(request.enrolmentNonce(), e.nonce())) {
            throw new ChallengeException(ChallengeException.MALFORMED_ENROLMENT,
                    "the enrolment request does not sign this enrolment's nonce");
        }
        String customerId = e.customerId();
        Provisioning provisioning;
        try {
            provisioning = engine.enrol(customerId, enrolmentRequest);
        } catch (ChallengeException refused) {
            if (!ChallengeException.ALREADY_ENROLLED.equals(refused.code())) {
                throw refused;
            }
            // A retry after a crash between the engine's enrolment and ours: finish ours when the
            // credential is this very device's. Its package was handed out once and is not kept.
            CustomerCredential credential = store.transact(tx -> tx.credentials().find(customerId))
                    .orElseThrow(() -> refused);
            if (!ConstantTime.equals(credential.deviceSigningKey(), request.signingPublicKey())) {
                throw new RegistryException(RegistryException.ALREADY_ENROLLED,
                        "customer " + customerId + " already has another device enrolled");
            }
            LOG.warn("Enrolment {}: customer {} was enrolled by the engine already; finishing the registry side",
                    enrolmentId, customerId);
            provisioning = new Provisioning(customerId, credential.deviceId(), credential.tableId(),
                    credential.generation(), credential.remainingCells(), new byte[0]);
        }
        // a crash here leaves the engine enrolled and the registry not: a retry finishes (see above)
        FaultPoint.reach("registry.enrolment.engine-enrolled");
        String deviceId = provisioning.deviceId();
        Step<String> step = store.transact(tx -> {
            EnrolmentRecord locked = tx.enrolments().lockForUpdate(enrolmentId).orElseThrow();
            if (locked.state() == EnrolmentState.COMPLETED) {
                return Step.done(null); // a concurrent completion of the same enrolment won
            }
            if (locked.state() != EnrolmentState.PHONE_CONFIRMED) {
                return Step.refused(unknown(enrolmentId));
            }
            CustomerRecord c = tx.customers().lockForUpdate(customerId).orElseThrow();
            String reference;
            do {
                reference = ReferenceNumbers.next();
            } while (tx.customers().findByReference(reference).isPresent());
            String mandateId = "MND-" + reference;
            tx.customers().update(new CustomerRecord(c.id(), reference, c.phoneE164(), c.country(), c.bankAccount(),
                    mandateId, c.deliveryAddress(), CustomerStatus.ACTIVE, c.passwordHash(), c.createdAt(), now, now,
                    c.version()));
            tx.enrolments().update(locked.with(EnrolmentState.COMPLETED, locked.attempts(), locked.expiresAt(), now));
            audit(tx, "customer.enrolled", customerId, enrolmentId, reference, mandateId, deviceId);
            return Step.done(reference);
        });
        String reference = step.get();
        LOG.info("Customer {} enrolled (reference {}, device {})", customerId, reference, deviceId);
        return provisioning;
    }

    private static EnrolmentRequest parse(byte[] enrolmentRequest) {
        try {
            return EnrolmentRequest.parse(Objects.requireNonNull(enrolmentRequest, "enrolment request"));
        } catch (ProtocolException | IllegalArgumentException e) {
            throw new ChallengeException(ChallengeException.MALFORMED_ENROLMENT, "the enrolment request is not valid");
        }
    }

    @Override
    public Optional<EnrolmentTicket> enrolment(String enrolmentId) {
        Objects.requireNonNull(enrolmentId, "enrolment id");
        return store.transact(tx -> tx.enrolments().find(enrolmentId)).map(CustomerRegistryImpl::ticket);
    }

    @Override
    public Optional<Customer> find(String customerId) {
        Objects.requireNonNull(customerId, "customer id");
        return store.transact(tx -> tx.customers().find(customerId)).map(this::customer);
    }

    @Override
    public Optional<Customer> resolve(CustomerIdentifier identifier) {
        return enrolled(identifier).map(this::customer);
    }

    /** @return the ACTIVE customer (stored status; LOCKED is derived) the identifier names */
    private Optional<CustomerRecord> enrolled(CustomerIdentifier identifier) {
        Objects.requireNonNull(identifier, "identifier");
        Optional<CustomerRecord> found;
        if (identifier.reference() != null) {
            String reference = identifier.reference().strip().toUpperCase(java.util.Locale.ROOT);
            found = ReferenceNumbers.wellFormed(reference)
                    ? store.transact(tx -> tx.customers().findByReference(reference)) : Optional.empty();
        } else {
            Optional<String> phone = ApplicationChecks.e164(identifier.phoneE164(), identifier.country()
                    .strip().toUpperCase(java.util.Locale.ROOT));
            found = phone.isPresent() ? store.transact(tx -> tx.customers().findByPhone(phone.get()))
                    : Optional.empty();
        }
        return found.filter(c -> c.status() == CustomerStatus.ACTIVE);
    }

    @Override
    public List<Customer> list(String afterId, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new RegistryException(RegistryException.INVALID_FIELD, "limit must be 1.." + MAX_PAGE);
        }
        List<CustomerRecord> page = store.transact(tx -> tx.customers().list(afterId, limit));
        List<Customer> out = new ArrayList<>(page.size());
        for (CustomerRecord c : page) {
            out.add(customer(c));
        }
        return out;
    }

    @Override
    public Optional<Customer> authenticate(CustomerIdentifier identifier, char[] password) {
        Optional<CustomerRecord> found;
        try {
            found = enrolled(identifier);
        } catch (RuntimeException e) {
            found = Optional.empty();
        }
        boolean match = found.isPresent() ? passwords.verify(password, found.get().passwordHash())
                : passwords.verifyNobody(password);
        return match ? found.map(this::customer) : Optional.empty();
    }

    @Override
    public boolean changePassword(String customerId, char[] current, char[] newPassword) {
        Objects.requireNonNull(customerId, "customer id");
        CustomerRecord before = store.transact(tx -> tx.customers().find(customerId))
                .filter(c -> c.status() == CustomerStatus.ACTIVE)
                .orElseThrow(() -> new RegistryException(RegistryException.UNKNOWN_CUSTOMER, "no customer " + customerId));
        if (!passwords.verify(current, before.passwordHash())) {
            return false;
        }
        ApplicationChecks.newPassword(newPassword, current, before.phoneE164(), before.reference());
        // hashed outside the transaction (Argon2id takes tens of milliseconds); the row is then
        // written only if nobody changed the password in between
        String hash = passwords.hash(newPassword);
        boolean changed = store.transact(tx -> {
            CustomerRecord c = tx.customers().lockForUpdate(customerId).orElseThrow();
            if (!c.passwordHash().equals(before.passwordHash())) {
                return false;
            }
            Instant now = clock.now();
            tx.customers().update(new CustomerRecord(c.id(), c.reference(), c.phoneE164(), c.country(),
                    c.bankAccount(), c.mandateId(), c.deliveryAddress(), c.status(), hash, c.createdAt(),
                    c.enrolledAt(), now, c.version()));
            audit(tx, "customer.password-changed", customerId, now.toString());
            return true;
        });
        if (changed) {
            LOG.info("Customer {} changed the console password", customerId);
        }
        return changed;
    }

    @Override
    public Customer unlock(String customerId, String operator, String reason) {
        Objects.requireNonNull(customerId, "customer id");
        String who = ApplicationChecks.text(operator, "operator", 128);
        String why = ApplicationChecks.text(reason, "reason", 1000);
        Customer customer = find(customerId).orElseThrow(() -> new RegistryException(
                RegistryException.UNKNOWN_CUSTOMER, "no customer " + customerId));
        if (customer.status() != CustomerStatus.LOCKED) {
            throw new RegistryException(RegistryException.WRONG_STATUS,
                    "customer " + customerId + " is " + customer.status() + ", not LOCKED");
        }
        engine.unlock(customerId, who, why);
        store.transact(tx -> {
            audit(tx, "customer.unlocked", customerId, who, why);
            return null;
        });
        LOG.info("Customer {} unlocked by {}: {}", customerId, who, why);
        return find(customerId).orElseThrow();
    }

    private Customer customer(CustomerRecord c) {
        CustomerStatus status = c.status();
        if (status == CustomerStatus.ACTIVE
                && engine.status(c.id()).map(CredentialStatus::locked).orElse(false)) {
            status = CustomerStatus.LOCKED;
        }
        return new Customer(c.id(), c.reference(), c.phoneE164(), c.country(), c.bankAccount(), c.mandateId(),
                c.deliveryAddress(), status, c.enrolledAt());
    }

    private static EnrolmentTicket ticket(EnrolmentRecord e) {
        return new EnrolmentTicket(e.id(), e.customerId(), e.phoneE164(), e.nonce(), e.state(), e.expiresAt());
    }

    private static boolean open(EnrolmentState state) {
        return state == EnrolmentState.CODE_SENT || state == EnrolmentState.PHONE_CONFIRMED;
    }

    private String oneTimeCode() {
        StringBuilder code = new StringBuilder(policy.codeLength());
        for (int i = 0; i < policy.codeLength(); i++) {
            code.append((char) ('0' + Randomness.nextInt(10)));
        }
        return code.toString();
    }

    static byte[] codeHash(byte[] salt, String code) {
        byte[] c = code.getBytes(StandardCharsets.UTF_8);
        byte[] input = Arrays.copyOf(salt, salt.length + c.length);
        System.arraycopy(c, 0, input, salt.length, c.length);
        return Sha256.digest(input);
    }

    private static RegistryException unknown(String enrolmentId) {
        return new RegistryException(RegistryException.UNKNOWN_ENROLMENT,
                "no enrolment " + enrolmentId + " in progress (unknown, finished, failed or expired)");
    }

    static void audit(StoreTransaction tx, String type, String... fields) {
        tx.audit().append(type, null, AuditBody.of(fields));
    }
}
