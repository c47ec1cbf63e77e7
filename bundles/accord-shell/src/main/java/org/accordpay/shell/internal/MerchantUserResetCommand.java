package org.accordpay.shell.internal;

import org.accordpay.api.registry.MerchantUsers;
import org.accordpay.api.registry.RegistryException;
import org.accordpay.api.registry.dto.MerchantUser;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code accord:merchant-user-reset [--password P] LOGIN}: a new password for a merchant console account. */
@Service
@Command(scope = "accord", name = "merchant-user-reset",
        description = "Sets a new password for a merchant console account (prints a generated one unless --password is given)")
public final class MerchantUserResetCommand implements Action {

    @Reference
    MerchantUsers users;

    @Reference
    Session session;

    @Option(name = "--password", description = "The new password (10 to 128 characters); default: a generated one, printed")
    String password;

    @Argument(index = 0, name = "login", required = true, description = "The account's login")
    String login;

    @Override
    public Object execute() {
        String secret = password != null ? password : MerchantUserPasswords.generate();
        try {
            MerchantUser u = users.resetPassword(login, secret.toCharArray(), RegistryRefusals.operator(session));
            System.out.println("new password set for " + u.login() + " (merchant " + u.merchantId() + ")"
                    + (password != null ? "" : ": " + secret));
        } catch (RegistryException e) {
            RegistryRefusals.print(e);
        }
        return null;
    }
}
