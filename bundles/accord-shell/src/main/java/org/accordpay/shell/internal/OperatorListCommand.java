package org.accordpay.shell.internal;

import java.util.List;
import java.util.Locale;
import org.accordpay.api.operator.OperatorAccounts;
import org.accordpay.api.operator.dto.Operator;
import org.accordpay.api.time.AccordClock;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code accord:operator-list}: operator console accounts, their role and lock-out. */
@Service
@Command(scope = "accord", name = "operator-list", description = "Lists operator console accounts")
public final class OperatorListCommand implements Action {

    @Reference
    OperatorAccounts operators;

    @Reference
    AccordClock clock;

    @Override
    public Object execute() {
        List<Operator> all = operators.list();
        for (Operator o : all) {
            boolean locked = o.lockedUntil() != null && clock.now().isBefore(o.lockedUntil());
            System.out.println(String.format("%-24s %-7s created %s%s", o.login(), o.role().name().toLowerCase(Locale.ROOT),
                    o.createdAt(), locked ? ", locked until " + o.lockedUntil() : ""));
        }
        System.out.println(all.size() + " operator(s)");
        return null;
    }
}
