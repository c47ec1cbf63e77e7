package org.accordpay.store.internal;

import jakarta.persistence.PersistenceException;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.accordpay.api.money.Money;
import org.accordpay.api.store.ConcurrentUpdateException;
import org.accordpay.api.store.LedgerRepository;
import org.accordpay.api.store.dto.Posting;
import org.accordpay.api.store.dto.PostingLeg;
import org.accordpay.store.internal.entity.LedgerLegLine;
import org.accordpay.store.internal.entity.LedgerPostingEntity;

/**
 * Double-entry ledger.
 *
 * <p>Idempotence: {@link #post} first looks the posting id up and returns false when it is
 * already there (the usual case: a retry after a commit). Only when two transactions race
 * with the same new id does the primary key of {@code ledger_posting} reject the second
 * insert; a failed statement leaves the JPA transaction rollback-only, so that loser gets a
 * {@link ConcurrentUpdateException} and its whole transaction rolls back (nothing booked
 * twice); on retry it sees the winner's posting and {@code post} returns false.
 */
final class JpaLedgerRepository implements LedgerRepository {

    private final JpaStoreTransaction tx;

    JpaLedgerRepository(JpaStoreTransaction tx) {
        this.tx = tx;
    }

    @Override
    public boolean post(Posting posting) {
        Objects.requireNonNull(posting, "posting");
        Objects.requireNonNull(posting.id(), "posting id");
        checkBalanced(posting);
        var em = tx.em();
        if (em.find(LedgerPostingEntity.class, posting.id()) != null) {
            return false;
        }
        LedgerPostingEntity e = new LedgerPostingEntity();
        e.id = posting.id();
        e.at = Times.toMicros(posting.at());
        e.purchaseId = posting.purchaseId();
        e.description = posting.description() == null ? "" : posting.description();
        for (PostingLeg leg : posting.legs()) {
            e.legs.add(new LedgerLegLine(leg.account(), leg.amount().minorUnits(), leg.amount().currency()));
        }
        try {
            em.persist(e);
            em.flush();
        } catch (PersistenceException ex) {
            if (Errors.isConstraintViolation(ex) || Errors.isConflict(ex)) {
                throw new ConcurrentUpdateException("posting " + posting.id()
                        + " was booked by a concurrent transaction; retry (post will return false)");
            }
            throw ex;
        }
        return true;
    }

    static void checkBalanced(Posting posting) {
        if (posting.legs().size() < 2) {
            throw new IllegalArgumentException("posting " + posting.id() + " needs at least two legs");
        }
        Map<String, Long> sums = new TreeMap<>();
        for (PostingLeg leg : posting.legs()) {
            Objects.requireNonNull(leg.account(), "leg account");
            sums.merge(leg.amount().currency(), leg.amount().minorUnits(), Math::addExact);
        }
        sums.forEach((currency, sum) -> {
            if (sum != 0) {
                throw new IllegalArgumentException("posting " + posting.id() + " does not balance in " + currency
                        + ": legs sum to " + sum);
            }
        });
    }

    @Override
    public Money balance(String account, String currency) {
        Long sum = tx.em().createQuery("select coalesce(sum(l.amountMinor), 0) from LedgerPostingEntity p"
                        + " join p.legs l where l.account = :account and l.currency = :currency", Long.class)
                .setParameter("account", account)
                .setParameter("currency", currency)
                .getSingleResult();
        return Money.of(sum == null ? 0 : sum, currency);
    }

    @Override
    public java.util.List<PostingLeg> balances() {
        return tx.em().createQuery("select l.account, l.currency, sum(l.amountMinor) from LedgerPostingEntity p"
                        + " join p.legs l group by l.account, l.currency order by l.account, l.currency", Object[].class)
                .getResultList().stream()
                .filter(r -> ((Number) r[2]).longValue() != 0)
                .map(r -> new PostingLeg((String) r[0], Money.of(((Number) r[2]).longValue(), ((String) r[1]).trim())))
                .toList();
    }
}
