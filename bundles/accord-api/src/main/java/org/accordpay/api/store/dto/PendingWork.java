package org.accordpay.api.store.dto;

import java.util.Map;

/**
 * Unfinished work that forbids leaving a database.
 *
 * @param openPurchases  purchases not in a terminal state
 * @param pendingOutbox  outbox rows not yet delivered
 * @param escrowBalances escrow balance per currency, minor units, non-zero ones only
 * @param openChallenges challenges still OPEN (answered, expired or cancelled ones are not counted)
 */
public record PendingWork(long openPurchases, long pendingOutbox, Map<String, Long> escrowBalances,
        long openChallenges) {

    /** Copies the balances. */
    public PendingWork {
        escrowBalances = Map.copyOf(escrowBalances);
    }

    /** @return true when nothing is unfinished */
    public boolean isEmpty() {
        return openPurchases == 0 && pendingOutbox == 0 && escrowBalances.isEmpty() && openChallenges == 0;
    }

    @Override
    public String toString() {
        return openPurchases + " open purchase(s), " + pendingOutbox + " outbox row(s), escrow " + escrowBalances
                + ", " + openChallenges + " open challenge(s)";
    }
}
