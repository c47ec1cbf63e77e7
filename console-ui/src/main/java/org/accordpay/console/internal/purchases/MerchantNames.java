package org.accordpay.console.internal.purchases;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.accordpay.api.registry.MerchantRegistry;
import org.accordpay.api.registry.dto.Merchant;

/**
 * The names customers know merchants by (their display names), looked up once per view; a merchant
 * the registry cannot name right now is shown by its id.
 */
public final class MerchantNames implements Function<String, String> {

    private final Function<String, String> lookup;
    private final Map<String, String> known = new HashMap<>();

    /** @param merchants the merchant registry */
    public MerchantNames(MerchantRegistry merchants) {
        this(id -> merchants.find(id).map(Merchant::displayName).orElse(null));
    }

    MerchantNames(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    /** @return the merchant's display name, or its id when it has none or cannot be read now */
    @Override
    public String apply(String merchantId) {
        String name = known.get(merchantId);
        if (name != null) {
            return name;
        }
        try {
            name = lookup.apply(merchantId);
        } catch (RuntimeException e) {
            return merchantId;
        }
        if (name == null || name.isBlank()) {
            return merchantId;
        }
        known.put(merchantId, name);
        return name;
    }
}
