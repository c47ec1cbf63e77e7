package org.accordpay.shell.internal;

import java.util.List;
import java.util.TreeSet;
import org.accordpay.api.registry.MerchantRegistry;
import org.accordpay.api.registry.RegistryException;
import org.accordpay.api.registry.dto.Merchant;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/**
 * {@code accord:merchant-condition MERCHANT CONDITION REASON [--withdraw]}: records that an
 * admission condition now holds (or, with {@code --withdraw}, no longer holds).
 */
@Service
@Command(scope = "accord", name = "merchant-condition",
        description = "Records that a merchant's admission condition holds (or no longer holds, --withdraw)")
public final class MerchantConditionCommand implements Action {

    @Reference
    MerchantRegistry registry;

    @Reference
    Session session;

    @Argument(index = 0, name = "merchant", required = true, description = "Merchant id")
    String merchantId;

    @Argument(index = 1, name = "condition", required = true,
            description = "A configured condition, e.g. bank-account-verified or terms-accepted")
    String condition;

    @Argument(index = 2, name = "reason", required = true, multiValued = true, description = "Why: recorded")
    List<String> reason;

    @Option(name = "--withdraw", description = "The condition no longer holds")
    boolean withdraw;

    @Override
    public Object execute() {
        try {
            Merchant m = registry.setCondition(merchantId, condition, !withdraw, RegistryRefusals.operator(session),
                    String.join(" ", reason));
            System.out.println("merchant " + m.id() + " conditions: " + (m.conditions().isEmpty() ? "none"
                    : String.join(", ", new TreeSet<>(m.conditions()))));
        } catch (RegistryException e) {
            RegistryRefusals.print(e);
        }
        return null;
    }
}
