package org.accordpay.shell.internal;

import org.accordpay.api.registry.MerchantRegistry;
import org.accordpay.api.registry.MerchantUsers;
import org.accordpay.api.registry.dto.MerchantUser;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code accord:merchant-users MERCHANT}: the merchant's console accounts. */
@Service
@Command(scope = "accord", name = "merchant-users", description = "Lists a merchant's console accounts")
public final class MerchantUsersCommand implements Action {

    @Reference
    MerchantUsers users;

    @Reference
    MerchantRegistry merchants;

    @Argument(index = 0, name = "merchant", required = true, description = "Merchant id or exact display name")
    String merchant;

    @Override
    public Object execute() {
        for (MerchantUser u : users.forMerchant(RegistryRefusals.merchantId(merchants, merchant))) {
            System.out.println(u.id() + "  " + u.login() + "  merchant " + u.merchantId() + "  since " + u.createdAt() + "  password set "
                    + u.passwordChangedAt());
        }
        return null;
    }
}
