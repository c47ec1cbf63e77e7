package org.accordpay.api.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.accordpay.api.bank.dto.RefusalReason;
import org.accordpay.api.store.dto.BankInstructionRecord;
import org.accordpay.api.store.dto.InstructionStatus;

/** Bank instructions: what Accord asked each bank to move, and what the bank answered. */
@org.osgi.annotation.versioning.ProviderType
public interface BankInstructionRepository {
    /**
     * Stores a new instruction.
     *
     * @throws StoreException when the key exists
     */
    void insert(BankInstructionRecord instruction);

    /** @return the instruction, if it exists */
    Optional<BankInstructionRecord> find(String idempotencyKey);

    /**
     * Changes an instruction's status, compare-and-set.
     *
     * @return the updated instruction
     * @throws ConcurrentUpdateException when it is not in {@code expected}
     * @throws StoreException when it does not exist
     */
    BankInstructionRecord transition(String idempotencyKey, InstructionStatus expected, InstructionStatus next,
            RefusalReason reason, Instant at);

    /** @return the purchase's instructions, oldest first */
    List<BankInstructionRecord> forPurchase(String purchaseId);

    /** @return every instruction sent to that bank, oldest first */
    List<BankInstructionRecord> forBank(String bankId);
}
