package org.accordpay.api.store;

import java.util.List;
import java.util.Optional;
import org.accordpay.api.audit.dto.AuditEntry;
import org.accordpay.api.store.dto.AuditHead;

/**
 * The audit chainer's view of the audit log: entries are appended unlinked by business
 * transactions ({@link AuditLog}) and linked afterwards, in chain positions 1, 2, 3... assigned by
 * the chainer (not the insertion sequence, whose values can commit out of order and have gaps).
 */
@org.osgi.annotation.versioning.ProviderType
public interface AuditChainRepository {

    /** @return up to {@code limit} committed entries not yet linked, by sequence number */
    List<AuditEntry> unlinked(int limit);

    /** @return the linked entry with the highest chain position, if any */
    Optional<AuditEntry> lastLinked();

    /**
     * Links one entry, compare-and-set: only if it is still unlinked.
     *
     * @param chainHash 64 lowercase hex characters
     * @throws ConcurrentUpdateException when the entry is already linked or {@code chainPos} is taken
     * @throws StoreException when the entry does not exist
     */
    void link(long seq, long chainPos, String chainHash);

    /** @return up to {@code limit} linked entries from {@code chainPos} on, by chain position */
    List<AuditEntry> linkedFrom(long chainPos, int limit);

    /** @return the entries about one purchase, linked or not, by sequence number */
    List<AuditEntry> forPurchase(String purchaseId);

    /**
     * Records a signed head.
     *
     * @throws ConcurrentUpdateException when a head for that chain position already exists
     */
    void saveHead(AuditHead head);

    /** @return the signed head with the highest chain position, if any */
    Optional<AuditHead> lastHead();
}
