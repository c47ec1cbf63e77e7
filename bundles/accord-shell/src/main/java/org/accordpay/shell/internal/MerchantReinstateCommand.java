package org.accordpay.shell.internal;

import org.accordpay.api.registry.dto.Merchant;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code accord:merchant-reinstate MERCHANT REASON}: reinstates a suspended merchant whose conditions still hold (recorded with the operator and reason). */
@Service
@Command(scope = "accord", name = "merchant-reinstate",
        description = "Reinstates a suspended merchant whose conditions still hold (recorded with the operator and reason)")
public final class MerchantReinstateCommand extends MerchantDecisionCommand {

    @Override
    Merchant decide(String operator, String why) {
        return registry.reinstate(merchantId, operator, why);
    }

    @Override
    String decided() {
        return "reinstated";
    }
}
