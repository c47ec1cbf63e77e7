package org.accordpay.registry.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.accordpay.api.registry.MerchantUsers;
import org.accordpay.api.registry.RegistryException;
import org.accordpay.api.registry.dto.MerchantUser;
import org.accordpay.api.store.AccordStore;
import org.accordpay.api.store.StoreException;
import org.accordpay.api.store.dto.MerchantUserRecord;
import org.accordpay.api.time.AccordClock;
import org.accordpay.crypto.Randomness;
import org.accordpay.crypto.protocol.Hex;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

/**
 * Accounts of the merchant console: a login per person, an Argon2id password hash made by
 * {@link ConsolePasswords} at the registry's configured cost (the customers' console passwords'
 * cost). Creation and password resets are audit entries in their transaction.
 */
@Component(service = MerchantUsers.class, configurationPid = "org.accordpay.registry",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class MerchantUsersImpl implements MerchantUsers {

    private static final Pattern LOGIN = Pattern.compile("[a-z0-9._@+\\-]{3,128}");

    private final AccordStore store;
    private final AccordClock clock;
    private final ConsolePasswords passwords;

    /** Reads the password cost from the registry's configuration; needs the store and the clock. */
    @Activate
    public MerchantUsersImpl(RegistryConfiguration config, @Reference AccordStore store, @Reference AccordClock clock) {
        this(store, clock, RegistryPolicy.of(config));
    }

    MerchantUsersImpl(AccordStore store, AccordClock clock, RegistryPolicy policy) {
        this.store = store;
        this.clock = clock;
        this.passwords = new ConsolePasswords(policy.passwordArgon2());
    }

    @Override
    public MerchantUser add(String merchantId, String login, char[] password, String actor) {
        try {
            String who = ApplicationChecks.text(actor, "actor", 128);
            String name = login(login);
            ApplicationChecks.password(password);
            String hash = passwords.hash(password);
            Instant now = clock.now();
            MerchantUserRecord user = new MerchantUserRecord("mu_" + Hex.encode(Randomness.bytes(10)), merchantId, name,
                    hash, now, now);
            try {
                store.transact(tx -> {
                    if (merchantId == null || tx.merchants().lockForUpdate(merchantId).isEmpty()) {
                        throw new RegistryException(RegistryException.UNKNOWN_MERCHANT, "no merchant " + merchantId);
                    }
                    if (tx.merchantUsers().findByLogin(name).isPresent()) {
                        throw new RegistryException(RegistryException.INVALID_FIELD, "the login " + name + " is taken");
                    }
                    tx.merchantUsers().insert(user);
                    tx.audit().append("merchant.user-added", null, AuditBody.of(merchantId, user.id(), name, who));
                    return null;
                });
            } catch (StoreException e) {
                throw new RegistryException(RegistryException.INVALID_FIELD, "the login " + name + " is taken");
            }
            return view(user);
        } finally {
            clear(password);
        }
    }

    @Override
    public MerchantUser resetPassword(String login, char[] password, String actor) {
        try {
            String who = ApplicationChecks.text(actor, "actor", 128);
            String name = login(login);
            ApplicationChecks.password(password);
            String hash = passwords.hash(password);
            Instant now = clock.now();
            return store.transact(tx -> {
                MerchantUserRecord u = tx.merchantUsers().findByLogin(name).orElseThrow(() -> new RegistryException(
                        RegistryException.INVALID_FIELD, "no merchant console account " + name));
                tx.merchantUsers().setPassword(u.id(), hash, now);
                tx.audit().append("merchant.user-password-reset", null, AuditBody.of(u.merchantId(), u.id(), name, who));
                return new MerchantUser(u.id(), u.merchantId(), u.login(), u.createdAt(), now);
            });
        } finally {
            clear(password);
        }
    }

    @Override
    public Optional<MerchantUser> authenticate(String login, char[] password) {
        String name = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
        Optional<MerchantUserRecord> found;
        try {
            found = LOGIN.matcher(name).matches() ? store.transact(tx -> tx.merchantUsers().findByLogin(name))
                    : Optional.empty();
        } catch (RuntimeException e) {
            found = Optional.empty();
        }
        boolean match = found.isPresent() ? passwords.verify(password, found.get().passwordHash())
                : passwords.verifyNobody(password);
        return match ? found.map(MerchantUsersImpl::view) : Optional.empty();
    }

    @Override
    public List<MerchantUser> forMerchant(String merchantId) {
        if (merchantId == null) {
            return List.of();
        }
        return store.transact(tx -> tx.merchantUsers().forMerchant(merchantId)).stream().map(MerchantUsersImpl::view)
                .toList();
    }

    /** @return the login in lower case, or a refusal naming what is allowed */
    static String login(String raw) {
        String name = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (!LOGIN.matcher(name).matches()) {
            throw new RegistryException(RegistryException.INVALID_FIELD,
                    "a login has 3 to 128 of the characters a-z 0-9 . _ @ + -");
        }
        return name;
    }

    private static MerchantUser view(MerchantUserRecord u) {
        return new MerchantUser(u.id(), u.merchantId(), u.login(), u.createdAt(), u.passwordChangedAt());
    }

    private static void clear(char[] password) {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }
}
