package org.accordpay.registry.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.accordpay.api.registry.MerchantRegistry;
import org.accordpay.api.registry.RegistryException;
import org.accordpay.api.registry.dto.BankAccount;
import org.accordpay.api.registry.dto.Merchant;
import org.accordpay.api.registry.dto.MerchantApplication;
import org.accordpay.api.registry.dto.MerchantDecision;
import org.accordpay.api.registry.dto.MerchantStatus;
import org.accordpay.api.registry.dto.QualityEvent;
import org.accordpay.api.registry.dto.QualityFigures;
import org.accordpay.api.store.AccordStore;
import org.accordpay.api.store.StoreTransaction;
import org.accordpay.api.store.dto.MerchantRecord;
import org.accordpay.api.time.AccordClock;
import org.accordpay.crypto.Randomness;
import org.accordpay.crypto.protocol.Hex;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The merchant registry: application, admission when every configured condition holds and the
 * display name cannot pass for an admitted merchant's, suspension by an operator or by the quality
 * monitor. Every decision is a decision row and an audit entry in the transaction of the change.
 * Configured by PID {@code org.accordpay.registry} (described by {@link CustomerRegistryImpl}).
 */
@Component(service = MerchantRegistry.class, configurationPid = "org.accordpay.registry",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class MerchantRegistryImpl implements MerchantRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(MerchantRegistryImpl.class);

    /** The actor of automatic suspensions. */
    static final String QUALITY_MONITOR = "quality-monitor";

    private final AccordStore store;
    private final AccordClock clock;
    private final RegistryPolicy policy;

    /** Reads the configuration; needs the store and the clock. */
    @Activate
    public MerchantRegistryImpl(RegistryConfiguration config, @Reference AccordStore store,
            @Reference AccordClock clock) {
        this(store, clock, RegistryPolicy.of(config));
    }

    MerchantRegistryImpl(AccordStore store, AccordClock clock, RegistryPolicy policy) {
        this.store = store;
        this.clock = clock;
        this.policy = policy;
    }

    @Override
    public Merchant apply(MerchantApplication application, String actor) {
        Objects.requireNonNull(application, "application");
        String who = ApplicationChecks.text(actor, "actor", 128);
        String legalName = ApplicationChecks.text(application.legalName(), "legal name", 255);
        String displayName = ApplicationChecks.text(application.displayName(), "display name", 64);
        if (DisplayNames.fold(displayName).isEmpty()) {
            throw new RegistryException(RegistryException.INVALID_FIELD, "the display name needs letters or digits");
        }
        BankAccount account = ApplicationChecks.bankAccount(application.bankAccount());
        Instant now = clock.now();
        String id = "m-" + Hex.encode(Randomness.bytes(8));
        MerchantRecord merchant = store.transact(tx -> {
            refuseLookAlike(tx, id, displayName);
            MerchantRecord m = new MerchantRecord(id, legalName, displayName, account, MerchantStatus.APPLIED,
                    Set.of(), new QualityFigures(0, 0, 0), now, now, 0);
            tx.merchants().insert(m);
            decide(tx, id, now, "applied", who, "application for '" + displayName + "'");
            return m;
        });
        LOG.info("Merchant {} applied as '{}' ({})", id, displayName, who);
        return merchant(merchant);
    }

    @Override
    public Optional<Merchant> find(String merchantId) {
        Objects.requireNonNull(merchantId, "merchant id");
        return store.transact(tx -> tx.merchants().find(merchantId)).map(MerchantRegistryImpl::merchant);
    }

    @Override
    public List<Merchant> list(String afterId, int limit) {
        if (limit < 1 || limit > CustomerRegistryImpl.MAX_PAGE) {
            throw new RegistryException(RegistryException.INVALID_FIELD,
                    "limit must be 1.." + CustomerRegistryImpl.MAX_PAGE);
        }
        return store.transact(tx -> tx.merchants().list(afterId, limit)).stream().map(MerchantRegistryImpl::merchant)
                .toList();
    }

    @Override
    public Merchant setCondition(String merchantId, String condition, boolean holds, String actor, String reason) {
        String who = ApplicationChecks.text(actor, "actor", 128);
        String why = ApplicationChecks.text(reason, "reason", 1000);
        String name = condition == null ? "" : condition.strip().toLowerCase(Locale.ROOT);
        if (!policy.conditions().contains(name)) {
            throw new RegistryException(RegistryException.INVALID_FIELD, "unknown condition '" + condition
                    + "'; configured: " + String.join(", ", policy.conditions()));
        }
        Instant now = clock.now();
        return change(merchantId, (tx, m) -> {
            if (m.status() == MerchantStatus.CLOSED) {
                throw wrongStatus(m, "change a condition of");
            }
            Set<String> conditions = new HashSet<>(m.conditions());
            if (holds) {
                conditions.add(name);
            } else {
                conditions.remove(name);
            }
            MerchantRecord next = with(m, m.status(), conditions, m.quality(), now);
            tx.merchants().update(next);
            decide(tx, m.id(), now, (holds ? "condition:" : "condition-withdrawn:") + name, who, why);
            return next;
        });
    }

    @Override
    public Merchant admit(String merchantId, String actor, String reason) {
        return readmit(merchantId, actor, reason, MerchantStatus.APPLIED, "admitted");
    }

    @Override
    public Merchant suspend(String merchantId, String actor, String reason) {
        String who = ApplicationChecks.text(actor, "actor", 128);
        String why = ApplicationChecks.text(reason, "reason", 1000);
        Instant now = clock.now();
        return change(merchantId, (tx, m) -> {
            if (m.status() != MerchantStatus.ADMITTED) {
                throw wrongStatus(m, "suspend");
            }
            MerchantRecord next = with(m, MerchantStatus.SUSPENDED, m.conditions(), m.quality(), now);
            tx.merchants().update(next);
            decide(tx, m.id(), now, "suspended", who, why);
            return next;
        });
    }

    @Override
    public Merchant reinstate(String merchantId, String actor, String reason) {
        return readmit(merchantId, actor, reason, MerchantStatus.SUSPENDED, "reinstated");
    }

    /** Admission and reinstatement: every condition holds and the name is still no look-alike. */
    private Merchant readmit(String merchantId, String actor, String reason, MerchantStatus from, String decision) {
        String who = ApplicationChecks.text(actor, "actor", 128);
        String why = ApplicationChecks.text(reason, "reason", 1000);
        Instant now = clock.now();
        return change(merchantId, (tx, m) -> {
            if (m.status() != from) {
                throw wrongStatus(m, decision.equals("admitted") ? "admit" : "reinstate");
            }
            List<String> missing = new ArrayList<>();
            for (String c : policy.conditions()) {
                if (!m.conditions().contains(c)) {
                    missing.add(c);
                }
            }
            if (!missing.isEmpty()) {
                throw new RegistryException(RegistryException.CONDITIONS_NOT_MET,
                        "conditions not met: " + String.join(", ", missing));
            }
            refuseLookAlike(tx, m.id(), m.displayName());
            MerchantRecord next = with(m, MerchantStatus.ADMITTED, m.conditions(), m.quality(), now);
            tx.merchants().update(next);
            decide(tx, m.id(), now, decision, who, why);
            return next;
        });
    }

    @Override
    public Merchant recordQuality(String merchantId, QualityEvent event) {
        Objects.requireNonNull(event, "event");
        Instant now = clock.now();
        return change(merchantId, (tx, m) -> {
            QualityFigures q = m.quality();
            QualityFigures counted = switch (event) {
                case PAID -> new QualityFigures(q.paid() + 1, q.refunded(), q.disputed());
                case REFUNDED -> new QualityFigures(q.paid(), q.refunded() + 1, q.disputed());
                case DISPUTED -> new QualityFigures(q.paid(), q.refunded(), q.disputed() + 1);
            };
            String breach = m.status() == MerchantStatus.ADMITTED ? breach(counted) : null;
            MerchantRecord next = with(m, breach == null ? m.status() : MerchantStatus.SUSPENDED, m.conditions(),
                    counted, now);
            tx.merchants().update(next);
            if (breach != null) {
                decide(tx, m.id(), now, "suspended", QUALITY_MONITOR, breach);
                LOG.warn("Merchant {} suspended automatically: {}", m.id(), breach);
            }
            return next;
        });
    }

    /** @return why the figures call for a suspension, or null */
    private String breach(QualityFigures q) {
        if (q.paid() < policy.minPaid()) {
            return null;
        }
        if (q.disputeRate() > policy.maxDisputeRate()) {
            return String.format(Locale.ROOT, "dispute rate %.1f%% (%d of %d paid purchases) is over the limit %.1f%%",
                    100 * q.disputeRate(), q.disputed(), q.paid(), 100 * policy.maxDisputeRate());
        }
        if (q.refundRate() > policy.maxRefundRate()) {
            return String.format(Locale.ROOT, "refund rate %.1f%% (%d of %d paid purchases) is over the limit %.1f%%",
                    100 * q.refundRate(), q.refunded(), q.paid(), 100 * policy.maxRefundRate());
        }
        return null;
    }

    @Override
    public List<MerchantDecision> decisions(String merchantId) {
        Objects.requireNonNull(merchantId, "merchant id");
        return store.transact(tx -> {
            if (tx.merchants().find(merchantId).isEmpty()) {
                throw unknown(merchantId);
            }
            return tx.merchants().decisions(merchantId);
        });
    }

    /** One change of one merchant: its row locked, the change, its decision, one transaction. */
    private Merchant change(String merchantId, Change change) {
        Objects.requireNonNull(merchantId, "merchant id");
        MerchantRecord after = store.transact(tx -> {
            MerchantRecord m = tx.merchants().lockForUpdate(merchantId).orElseThrow(() -> unknown(merchantId));
            return change.apply(tx, m);
        });
        return merchant(after);
    }

    @FunctionalInterface
    private interface Change {
        MerchantRecord apply(StoreTransaction tx, MerchantRecord locked);
    }

    private static void refuseLookAlike(StoreTransaction tx, String merchantId, String displayName) {
        for (MerchantRecord other : tx.merchants().withStatus(MerchantStatus.ADMITTED)) {
            if (!other.id().equals(merchantId) && DisplayNames.lookAlike(displayName, other.displayName())) {
                throw new RegistryException(RegistryException.LOOKALIKE_NAME, "the display name '" + displayName
                        + "' is too close to that of admitted merchant " + other.id() + " ('" + other.displayName()
                        + "')");
            }
        }
    }

    private static void decide(StoreTransaction tx, String merchantId, Instant at, String decision, String actor,
            String reason) {
        tx.merchants().recordDecision(new MerchantDecision(merchantId, at, decision, actor, reason));
        tx.audit().append("merchant." + decision.replaceFirst(":.*", ""), null,
                AuditBody.of(merchantId, decision, actor, reason));
    }

    private static MerchantRecord with(MerchantRecord m, MerchantStatus status, Set<String> conditions,
            QualityFigures quality, Instant now) {
        return new MerchantRecord(m.id(), m.legalName(), m.displayName(), m.bankAccount(), status, conditions, quality,
                m.createdAt(), now, m.version());
    }

    private static RegistryException wrongStatus(MerchantRecord m, String what) {
        return new RegistryException(RegistryException.WRONG_STATUS,
                "cannot " + what + " merchant " + m.id() + ": it is " + m.status());
    }

    private static RegistryException unknown(String merchantId) {
        return new RegistryException(RegistryException.UNKNOWN_MERCHANT, "no merchant " + merchantId);
    }

    private static Merchant merchant(MerchantRecord m) {
        return new Merchant(m.id(), m.legalName(), m.displayName(), m.bankAccount(), m.status(), m.conditions(),
                m.quality(), m.createdAt());
    }
}
