package org.accordpay.api.store;

/** Appends trace entries in the caller's transaction; the audit chainer links them after commit. */
@org.osgi.annotation.versioning.ProviderType
public interface AuditLog {

    /**
     * @param type       event type, e.g. {@code purchase.approved}
     * @param purchaseId purchase concerned, or null
     * @param body       canonical bytes of the event; their SHA-256 is stored
     * @return the entry's sequence number
     */
    long append(String type, String purchaseId, byte[] body);
}
