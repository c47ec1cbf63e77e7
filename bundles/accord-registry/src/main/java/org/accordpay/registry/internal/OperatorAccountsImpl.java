package org.accordpay.registry.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.accordpay.api.operator.OperatorAccounts;
import org.accordpay.api.operator.OperatorException;
import org.accordpay.api.operator.dto.Operator;
import org.accordpay.api.operator.dto.OperatorEnrolment;
import org.accordpay.api.operator.dto.OperatorRole;
import org.accordpay.api.store.AccordStore;
import org.accordpay.api.store.StoreException;
import org.accordpay.api.store.dto.OperatorRecord;
import org.accordpay.api.time.AccordClock;
import org.accordpay.crypto.Randomness;
import org.accordpay.crypto.Totp;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operator accounts in the store: Argon2id passwords (the console password hashing of the registry),
 * TOTP second factor (one step either side, a used step refused), lock-out after repeated failures,
 * and every change, sign-in and operator action in the audit trail with the login.
 */
@Component(service = OperatorAccounts.class, configurationPid = "org.accordpay.registry",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class OperatorAccountsImpl implements OperatorAccounts {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorAccountsImpl.class);
    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9._-]{2,64}");
    private static final Pattern ACTION = Pattern.compile("[a-z][a-z-]{1,48}");
    /** Steps accepted either side of the current one (RFC 6238 section 5.2: one step of network delay). */
    static final int CODE_WINDOW = 1;
    static final String ISSUER = "Accord";

    private final AccordStore store;
    private final AccordClock clock;
    private final ConsolePasswords passwords;
    private final int maxFailures;
    private final Duration lockout;

    /** Reads the lock-out policy and the password cost of the registry's configuration. */
    @Activate
    public OperatorAccountsImpl(OperatorConfiguration config, RegistryConfiguration registry,
            @Reference AccordStore store, @Reference AccordClock clock) {
        this(store, clock, RegistryPolicy.of(registry), config.operator_lockout_failures(),
                Duration.ofMinutes(config.operator_lockout_minutes()));
    }

    OperatorAccountsImpl(AccordStore store, AccordClock clock, RegistryPolicy policy, int maxFailures,
            Duration lockout) {
        if (maxFailures < 1 || lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("lock-out needs at least one failure and a positive duration");
        }
        this.store = store;
        this.clock = clock;
        this.passwords = new ConsolePasswords(policy.passwordArgon2());
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    @Override
    public OperatorEnrolment add(String login, OperatorRole role, String actor) {
        String who = login(login);
        Objects.requireNonNull(role, "role");
        String by = text(actor, "actor");
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(Randomness.bytes(18));
        byte[] secret = Totp.newSecret();
        Instant now = clock.now();
        OperatorRecord record = new OperatorRecord(who, role.name(), passwords.hash(password.toCharArray()),
                Totp.base32(secret), 0, null, -1, now);
        try {
            store.transact(tx -> {
                if (tx.operators().find(who).isPresent()) {
                    throw new OperatorException(OperatorException.ALREADY_EXISTS, "operator " + who + " already exists");
                }
                tx.operators().insert(record);
                CustomerRegistryImpl.audit(tx, "operator.added", by, who, role.name());
                return null;
            });
        } catch (StoreException e) {
            throw new OperatorException(OperatorException.ALREADY_EXISTS, "operator " + who + " already exists");
        }
        LOG.info("Operator {} ({}) added by {}", who, role, by);
        return new OperatorEnrolment(operator(record), password, Totp.uri(ISSUER, who, secret));
    }

    @Override
    public List<Operator> list() {
        return store.transact(tx -> tx.operators().list()).stream().map(OperatorAccountsImpl::operator).toList();
    }

    @Override
    public Optional<Operator> find(String login) {
        if (login == null || !LOGIN.matcher(login).matches()) {
            return Optional.empty();
        }
        return store.transact(tx -> tx.operators().find(login)).map(OperatorAccountsImpl::operator);
    }

    @Override
    public void remove(String login, String actor) {
        String who = login(login);
        String by = text(actor, "actor");
        boolean removed = store.transact(tx -> {
            boolean deleted = tx.operators().delete(who);
            if (deleted) {
                CustomerRegistryImpl.audit(tx, "operator.removed", by, who);
            }
            return deleted;
        });
        if (!removed) {
            throw new OperatorException(OperatorException.UNKNOWN_OPERATOR, "no operator " + who);
        }
        LOG.info("Operator {} removed by {}", who, by);
    }

    @Override
    public Operator signIn(String login, char[] password, String code) {
        try {
            Instant now = clock.now();
            String who = login == null ? "" : login.strip();
            SignIn outcome = store.transact(tx -> {
                Optional<OperatorRecord> found = LOGIN.matcher(who).matches()
                        ? tx.operators().lockForUpdate(who) : Optional.empty();
                if (found.isEmpty()) {
                    passwords.verifyNobody(password);
                    CustomerRegistryImpl.audit(tx, "operator.sign-in-failed", who, "unknown login");
                    return SignIn.refused(OperatorException.WRONG_CREDENTIALS);
                }
                OperatorRecord o = found.get();
                if (o.lockedUntil() != null && now.isBefore(o.lockedUntil())) {
                    CustomerRegistryImpl.audit(tx, "operator.sign-in-failed", who, "locked out");
                    return SignIn.refused(OperatorException.LOCKED_OUT);
                }
                long step = passwords.verify(password, o.passwordHash())
                        ? Totp.matchingStep(Totp.fromBase32(o.totpSecret()), code, now, CODE_WINDOW) : -1;
                if (step >= 0 && step > o.lastCodeStep()) {
                    OperatorRecord in = new OperatorRecord(o.login(), o.role(), o.passwordHash(), o.totpSecret(), 0,
                            null, step, o.createdAt());
                    tx.operators().update(in);
                    CustomerRegistryImpl.audit(tx, "operator.signed-in", who);
                    return SignIn.of(operator(in));
                }
                int failures = o.failures() + 1;
                boolean lock = failures >= maxFailures;
                tx.operators().update(new OperatorRecord(o.login(), o.role(), o.passwordHash(), o.totpSecret(),
                        lock ? 0 : failures, lock ? now.plus(lockout) : null, o.lastCodeStep(), o.createdAt()));
                CustomerRegistryImpl.audit(tx, "operator.sign-in-failed", who,
                        step >= 0 ? "code already used" : "wrong password or code", lock ? "locked" : null);
                return SignIn.refused(OperatorException.WRONG_CREDENTIALS);
            });
            if (outcome.operator() == null) {
                throw outcome.code().equals(OperatorException.LOCKED_OUT)
                        ? new OperatorException(OperatorException.LOCKED_OUT,
                                "too many failed sign-ins: this account is locked for a while")
                        : new OperatorException(OperatorException.WRONG_CREDENTIALS, "wrong login, password or code");
            }
            LOG.info("Operator {} signed in", who);
            return outcome.operator();
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    @Override
    public void record(String login, String action, String subject, String detail) {
        String who = login(login);
        if (action == null || !ACTION.matcher(action).matches()) {
            throw new OperatorException(OperatorException.INVALID_FIELD, "action must be lower-case words with '-'");
        }
        String on = text(subject, "subject");
        store.transact(tx -> {
            CustomerRegistryImpl.audit(tx, "operator." + action, who, on, detail);
            return null;
        });
        LOG.info("Operator {}: {} {}{}", who, action, on, detail == null ? "" : " (" + detail + ")");
    }

    private static String login(String login) {
        String l = login == null ? "" : login.strip();
        if (!LOGIN.matcher(l).matches()) {
            throw new OperatorException(OperatorException.INVALID_FIELD,
                    "login must be 2 to 64 letters, digits, '.', '-' or '_'");
        }
        return l;
    }

    private static String text(String raw, String field) {
        String t = raw == null ? "" : raw.strip();
        if (t.isEmpty() || t.length() > 1000) {
            throw new OperatorException(OperatorException.INVALID_FIELD, field + " is required");
        }
        return t;
    }

    private static Operator operator(OperatorRecord r) {
        return new Operator(r.login(), OperatorRole.valueOf(r.role().toUpperCase(Locale.ROOT)), r.createdAt(),
                r.lockedUntil());
    }

    /** What a sign-in transaction decided: the operator, or the refusal to throw after the commit. */
    private record SignIn(Operator operator, String code) {
        static SignIn of(Operator operator) {
            return new SignIn(operator, null);
        }

        static SignIn refused(String code) {
            return new SignIn(null, code);
        }
    }
}
