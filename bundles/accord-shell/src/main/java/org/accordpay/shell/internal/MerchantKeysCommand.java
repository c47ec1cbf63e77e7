package org.accordpay.shell.internal;

import java.util.Base64;
import java.util.Locale;
import org.accordpay.api.registry.MerchantKeys;
import org.accordpay.api.registry.dto.MerchantKey;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code accord:merchant-keys MERCHANT}: the merchant's active API keys. */
@Service
@Command(scope = "accord", name = "merchant-keys", description = "Lists a merchant's active API keys")
public final class MerchantKeysCommand implements Action {

    @Reference
    MerchantKeys keys;

    @Argument(index = 0, name = "merchant", required = true, description = "Merchant id")
    String merchantId;

    @Override
    public Object execute() {
        for (MerchantKey k : keys.active(merchantId)) {
            System.out.println(k.keyId() + "  " + k.mode().name().toLowerCase(Locale.ROOT) + "  "
                    + Base64.getEncoder().encodeToString(k.publicKey()) + "  since " + k.createdAt());
        }
        return null;
    }
}
