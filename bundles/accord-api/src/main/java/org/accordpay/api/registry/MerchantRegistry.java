package org.accordpay.api.registry;

import java.util.List;
import java.util.Optional;
import org.accordpay.api.registry.dto.Merchant;
import org.accordpay.api.registry.dto.MerchantApplication;
import org.accordpay.api.registry.dto.MerchantDecision;
import org.accordpay.api.registry.dto.QualityEvent;

/**
 * The merchant database of the patent: application, admission under quality conditions,
 * automatic suspension on bad quality figures, every decision recorded with its reason.
 */
@org.osgi.annotation.versioning.ProviderType
public interface MerchantRegistry {
    /**
     * Records an application (status APPLIED).
     *
     * @throws RegistryException invalid field or IBAN, display name too close to an admitted merchant's
     */
    Merchant apply(MerchantApplication application, String actor);

    /** @return the merchant with this id, if any */
    Optional<Merchant> find(String merchantId);

    /**
     * @param afterId cursor: last id of the previous page, or null
     * @param limit   page size, 1..500
     * @return merchants in id order
     */
    List<Merchant> list(String afterId, int limit);

    /**
     * Records that an admission condition now holds or no longer holds.
     *
     * @param condition one of the configured condition names
     * @throws RegistryException unknown merchant, or a condition name not configured
     */
    Merchant setCondition(String merchantId, String condition, boolean holds, String actor, String reason);

    /**
     * Admits a merchant whose configured conditions all hold.
     *
     * @throws RegistryException naming the conditions that do not hold, or a wrong status
     */
    Merchant admit(String merchantId, String actor, String reason);

    /** Suspends a merchant; its new purchase requests are refused. */
    Merchant suspend(String merchantId, String actor, String reason);

    /** Reinstates a suspended merchant, if its conditions still hold. */
    Merchant reinstate(String merchantId, String actor, String reason);

    /**
     * Counts one quality event and suspends the merchant automatically when its dispute or refund
     * rate crosses the configured limit (after a configured minimum of paid purchases).
     *
     * @return the merchant after the check
     */
    Merchant recordQuality(String merchantId, QualityEvent event);

    /** @return every recorded decision about the merchant, oldest first */
    List<MerchantDecision> decisions(String merchantId);
}
