package org.accordpay.api.store;

import java.util.List;
import java.util.Optional;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.store.dto.ReturnUrlRecord;

/**
 * Merchants' registered return URLs, per mode.
 *
 * @since 1.2
 */
@org.osgi.annotation.versioning.ProviderType
public interface ReturnUrlRepository {

    /**
     * Stores a new return URL.
     *
     * @throws StoreException when its id, or the same URL for the same merchant and mode, is already stored
     */
    void insert(ReturnUrlRecord url);

    /** @return the registration of exactly this URL (no normalisation) for the merchant and mode, if any */
    Optional<ReturnUrlRecord> find(String merchantId, Mode mode, String url);

    /** @return the merchant's return URLs of a mode, oldest first */
    List<ReturnUrlRecord> forMerchant(String merchantId, Mode mode);

    /** @return whether a return URL with this id existed and was removed */
    boolean delete(String id);
}
