package org.accordpay.shell.internal;

import java.util.Base64;
import java.util.Locale;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.registry.MerchantKeys;
import org.accordpay.api.registry.RegistryException;
import org.accordpay.api.registry.dto.MerchantKey;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code accord:merchant-key-add MERCHANT test|live BASE64}: registers a merchant's Ed25519 API public key. */
@Service
@Command(scope = "accord", name = "merchant-key-add",
        description = "Registers a merchant's Ed25519 public key for signing API requests (at most two active per mode)")
public final class MerchantKeyAddCommand implements Action {

    @Reference
    MerchantKeys keys;

    @Reference
    Session session;

    @Argument(index = 0, name = "merchant", required = true, description = "Merchant id")
    String merchantId;

    @Argument(index = 1, name = "mode", required = true, description = "test or live")
    String mode;

    @Argument(index = 2, name = "public-key", required = true,
            description = "Raw 32-byte Ed25519 public key, base64 (or an X.509 SubjectPublicKeyInfo, base64)")
    String publicKey;

    @Override
    public Object execute() {
        Mode m = switch (mode.toLowerCase(Locale.ROOT)) {
            case "test" -> Mode.TEST;
            case "live" -> Mode.LIVE;
            default -> throw new IllegalArgumentException("mode must be test or live");
        };
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(publicKey.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the public key must be base64", e);
        }
        if (raw.length == 44) { // X.509 SubjectPublicKeyInfo of Ed25519: 12-byte header + 32-byte key
            raw = java.util.Arrays.copyOfRange(raw, 12, 44);
        }
        try {
            MerchantKey k = keys.register(merchantId, m, raw, RegistryRefusals.operator(session));
            System.out.println("key " + k.keyId() + " (" + k.mode().name().toLowerCase(Locale.ROOT) + ") added for merchant "
                    + k.merchantId());
        } catch (RegistryException e) {
            RegistryRefusals.print(e);
        }
        return null;
    }
}
