package org.accordpay.shell.internal;

import org.accordpay.api.registry.MerchantRegistry;
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

/**
 * {@code accord:merchant-user-add --merchant M [--password P] LOGIN}: an account of the merchant
 * console; without {@code --password} a random one is generated and printed once.
 */
@Service
@Command(scope = "accord", name = "merchant-user-add",
        description = "Creates a merchant console account (prints a generated password unless --password is given)")
public final class MerchantUserAddCommand implements Action {

    @Reference
    MerchantUsers users;

    @Reference
    MerchantRegistry merchants;

    @Reference
    Session session;

    @Option(name = "--merchant", required = true,
            description = "Merchant id, or the exact display name of an admitted merchant, e.g. \"Demo Shop\"")
    String merchant;

    @Option(name = "--password", description = "The password (10 to 128 characters); default: a generated one, printed")
    String password;

    @Argument(index = 0, name = "login", required = true, description = "E-mail or user name (a-z 0-9 . _ @ + -)")
    String login;

    @Override
    public Object execute() {
        String secret = password != null ? password : MerchantUserPasswords.generate();
        try {
            MerchantUser u = users.add(RegistryRefusals.merchantId(merchants, merchant), login, secret.toCharArray(),
                    RegistryRefusals.operator(session));
            System.out.println("merchant console account " + u.login() + " (" + u.id() + ") added for merchant "
                    + u.merchantId() + (password != null ? "" : "; password: " + secret));
        } catch (RegistryException e) {
            RegistryRefusals.print(e);
        }
        return null;
    }
}
