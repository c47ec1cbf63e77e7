package org.accordpay.api.registry;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.store.dto.ReturnUrlRecord;

/**
 * The URLs a merchant may send its buyers back to, registered beforehand per mode: a purchase's return
 * URL must be one of them exactly (no open redirect). One set of rules for the merchant API and the
 * merchant console; every change is an audit entry with its actor.
 */
@org.osgi.annotation.versioning.ProviderType
public interface ReturnUrls {

    /** At most this many return URLs per merchant and mode. */
    int MAX_PER_MODE = 100;

    /** A registration and whether this call created it (false: the URL was already registered). */
    record Registration(ReturnUrlRecord url, boolean created) {
    }

    /**
     * Registers a URL in a mode, or answers its existing registration.
     *
     * @param actor who registers it, for the audit trail ({@code merchant-api:<key>}, {@code merchant-console:<login>})
     * @throws RegistryException {@link RegistryException#INVALID_FIELD} for a URL {@link #urlProblem} refuses,
     *                           {@link RegistryException#LIMIT_REACHED} past {@link #MAX_PER_MODE}
     */
    Registration register(String merchantId, Mode mode, String url, String actor);

    /** @return the merchant's return URLs of this mode, oldest first */
    List<ReturnUrlRecord> list(String merchantId, Mode mode);

    /**
     * Removes one of the merchant's return URLs of this mode: purchases created from now on may no longer use it.
     *
     * @return false when the merchant has no such URL in this mode (another merchant's id included)
     */
    boolean remove(String merchantId, Mode mode, String id, String actor);

    /** @return true when exactly this URL is registered for the merchant in this mode */
    boolean registered(String merchantId, Mode mode, String url);

    /**
     * The rule every return URL follows: absolute https (http too in test mode), a host, no credentials,
     * at most 1,000 characters.
     *
     * @return why the URL is refused, or empty when it is acceptable
     */
    static Optional<String> urlProblem(String url, Mode mode) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            return Optional.of("the return URL is not a URL");
        }
        boolean https = "https".equals(uri.getScheme());
        boolean httpInTest = "http".equals(uri.getScheme()) && mode == Mode.TEST;
        if (url.length() > 1000 || uri.getHost() == null || uri.getRawUserInfo() != null || !(https || httpInTest)) {
            return Optional.of("the return URL must be an absolute https URL (http in test mode), without credentials");
        }
        return Optional.empty();
    }
}
