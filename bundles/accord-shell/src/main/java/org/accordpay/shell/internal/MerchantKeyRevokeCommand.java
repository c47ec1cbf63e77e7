package org.accordpay.shell.internal;

import org.accordpay.api.registry.MerchantKeys;
import org.accordpay.api.registry.RegistryException;
import org.accordpay.api.registry.dto.MerchantKey;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code accord:merchant-key-revoke KEY}: revokes a merchant's API key; its signatures are refused at once. */
@Service
@Command(scope = "accord", name = "merchant-key-revoke",
        description = "Revokes a merchant's API key; requests signed with it are refused from now on")
public final class MerchantKeyRevokeCommand implements Action {

    @Reference
    MerchantKeys keys;

    @Reference
    Session session;

    @Argument(index = 0, name = "key", required = true, description = "Key id")
    String keyId;

    @Override
    public Object execute() {
        try {
            MerchantKey k = keys.revoke(keyId, RegistryRefusals.operator(session));
            System.out.println("key " + k.keyId() + " of merchant " + k.merchantId() + " revoked at " + k.revokedAt());
        } catch (RegistryException e) {
            RegistryRefusals.print(e);
        }
        return null;
    }
}
