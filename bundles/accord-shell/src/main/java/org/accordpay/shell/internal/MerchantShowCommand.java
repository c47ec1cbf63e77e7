package org.accordpay.shell.internal;

import java.util.Locale;
import java.util.TreeSet;
import org.accordpay.api.registry.MerchantRegistry;
import org.accordpay.api.registry.dto.Merchant;
import org.accordpay.api.registry.dto.MerchantDecision;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code accord:merchant-show MERCHANT}: one merchant, its quality figures and every decision about it. */
@Service
@Command(scope = "accord", name = "merchant-show",
        description = "Shows a merchant: status, conditions, quality figures and every recorded decision")
public final class MerchantShowCommand implements Action {

    @Reference
    MerchantRegistry registry;

    @Argument(index = 0, name = "merchant", required = true, description = "Merchant id")
    String merchantId;

    @Override
    public Object execute() {
        Merchant m = registry.find(merchantId).orElse(null);
        if (m == null) {
            System.err.println("No merchant " + merchantId);
            return null;
        }
        System.out.println("merchant   : " + m.id());
        System.out.println("legal name : " + m.legalName());
        System.out.println("display    : " + m.displayName());
        System.out.println("status     : " + m.status());
        System.out.println("account    : " + RegistryRefusals.account(m.bankAccount()));
        System.out.println("conditions : " + (m.conditions().isEmpty() ? "none" : String.join(", ",
                new TreeSet<>(m.conditions()))));
        System.out.println(String.format(Locale.ROOT, "quality    : %d paid, %d disputed (%.1f%%), %d refunded (%.1f%%)",
                m.quality().paid(), m.quality().disputed(), 100 * m.quality().disputeRate(), m.quality().refunded(),
                100 * m.quality().refundRate()));
        System.out.println("applied    : " + m.createdAt());
        System.out.println("decisions  :");
        for (MerchantDecision d : registry.decisions(merchantId)) {
            System.out.println("  " + d.at() + "  " + d.decision() + "  by " + d.actor() + ": " + d.reason());
        }
        return null;
    }
}
