package org.accordpay.api.challenge;

/**
 * Rotation of the key-encryption key that wraps every customer's table data key. Resumable:
 * after a crash, {@link #rewrap} simply continues with the customers still on an older version.
 */
@org.osgi.annotation.versioning.ProviderType
public interface KeyRotation {

    /**
     * Adds a new key-encryption key version and makes it current for new wraps.
     *
     * @return the new version
     */
    int rotate();

    /** @return the key-encryption key version used for new wraps */
    int currentVersion();

    /**
     * Re-encrypts up to {@code limit} customers' tables under the current version, one
     * transaction per customer.
     *
     * @return how many customers were re-encrypted (0 when none is left on an older version)
     */
    int rewrap(int limit);
}
