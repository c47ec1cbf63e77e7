package org.accordpay.api.audit;

import java.util.List;
import org.accordpay.api.audit.dto.AuditEntry;
import org.accordpay.api.audit.dto.AuditVerification;

/** The non-repudiable trace: read and verify. Entries are written through the store's unit of work. */
@org.osgi.annotation.versioning.ProviderType
public interface AuditTrail {

    /** @return the entries about one purchase, in order */
    List<AuditEntry> forPurchase(String purchaseId);

    /** Recomputes the hash chain and checks the signed head. */
    AuditVerification verify();
}
