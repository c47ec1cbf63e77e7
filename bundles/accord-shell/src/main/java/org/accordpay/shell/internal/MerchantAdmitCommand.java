package org.accordpay.shell.internal;

import org.accordpay.api.registry.dto.Merchant;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code accord:merchant-admit MERCHANT REASON}: admits a merchant whose admission conditions all hold (recorded with the operator and reason). */
@Service
@Command(scope = "accord", name = "merchant-admit",
        description = "Admits a merchant whose admission conditions all hold (recorded with the operator and reason)")
public final class MerchantAdmitCommand extends MerchantDecisionCommand {

    @Override
    Merchant decide(String operator, String why) {
        return registry.admit(merchantId, operator, why);
    }

    @Override
    String decided() {
        return "admitted";
    }
}
