package org.accordpay.api.challenge;

/**
 * Rotation of the key-encryption key that wraps every table's data key, customers' and merchants'.
 * Resumable: after a crash, {@link #rewrap} simply continues with the tables still on an older version.
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
     * Re-encrypts up to {@code limit} tables under the current version, customers' first, then
     * merchants', one transaction per table.
     *
     * @return how many tables were re-encrypted (0 when none is left on an older version)
     */
    int rewrap(int limit);
}
