package org.accordpay.api.registry;

import java.util.Optional;
import org.accordpay.api.registry.dto.Merchant;

/** The merchant database of the patent: admission under quality conditions, suspension. */
@org.osgi.annotation.versioning.ProviderType
public interface MerchantRegistry {

    /** @return the merchant with this id, if any */
    Optional<Merchant> find(String merchantId);

    /**
     * Admits a merchant whose configured conditions all hold.
     *
     * @throws IllegalStateException naming the conditions that do not hold
     */
    Merchant admit(String merchantId, String reason);

    /** Suspends a merchant; its new purchase requests are refused. */
    Merchant suspend(String merchantId, String reason);
}
