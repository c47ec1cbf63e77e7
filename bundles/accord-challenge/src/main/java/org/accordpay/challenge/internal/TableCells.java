package org.accordpay.challenge.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import org.accordpay.api.challenge.ChallengeException;
import org.accordpay.crypto.Randomness;
import org.accordpay.crypto.protocol.Protocol;

/**
 * The cells of an identification table in Accord's copy (customers' and merchants' alike): a used cell
 * is zeroed, so it can never be challenged again (patent claims 2-4).
 */
final class TableCells {

    private TableCells() {
    }

    /**
     * Picks an unused cell at random and claims it in the used-cell log.
     *
     * @param claim records the address as used; false when it already was (then another is tried)
     * @return the address claimed
     * @throws ChallengeException {@link ChallengeException#TABLE_EXHAUSTED} when no cell is left
     */
    static int pickUnused(byte[] cells, IntPredicate claim) {
        List<Integer> unused = new ArrayList<>();
        byte[] zero = new byte[Protocol.CELL_LENGTH];
        for (int i = 0; i < cells.length / Protocol.CELL_LENGTH; i++) {
            if (!Arrays.equals(cells, i * Protocol.CELL_LENGTH, (i + 1) * Protocol.CELL_LENGTH, zero, 0, zero.length)) {
                unused.add(i);
            }
        }
        while (!unused.isEmpty()) {
            int address = unused.remove(Randomness.nextInt(unused.size()));
            // the used-cell log is the last line of defence: an address is never challenged twice
            if (claim.test(address)) {
                return address;
            }
        }
        throw new ChallengeException(ChallengeException.TABLE_EXHAUSTED, "the identification table is used up");
    }

    /** @return a copy of the cell at {@code address}, which is zeroed in {@code cells} (Accord's copy deleted) */
    static byte[] take(byte[] cells, int address) {
        int from = address * Protocol.CELL_LENGTH;
        byte[] cell = Arrays.copyOfRange(cells, from, from + Protocol.CELL_LENGTH);
        Arrays.fill(cells, from, from + Protocol.CELL_LENGTH, (byte) 0);
        return cell;
    }
}
