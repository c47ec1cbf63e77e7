package org.accordpay.shell.internal;

import org.accordpay.api.registry.dto.Merchant;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code accord:merchant-suspend MERCHANT REASON}: suspends a merchant: its new purchase requests are refused (recorded with the operator and reason). */
@Service
@Command(scope = "accord", name = "merchant-suspend",
        description = "Suspends a merchant: its new purchase requests are refused (recorded with the operator and reason)")
public final class MerchantSuspendCommand extends MerchantDecisionCommand {

    @Override
    Merchant decide(String operator, String why) {
        return registry.suspend(merchantId, operator, why);
    }

    @Override
    String decided() {
        return "suspended";
    }
}
