package org.accordpay.shell.internal;

import org.accordpay.api.operator.OperatorAccounts;
import org.accordpay.api.operator.OperatorException;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code accord:operator-remove LOGIN}: removes an operator console account (audited). */
@Service
@Command(scope = "accord", name = "operator-remove", description = "Removes an operator console account")
public final class OperatorRemoveCommand implements Action {

    @Reference
    OperatorAccounts operators;

    @Reference
    Session session;

    @Argument(index = 0, name = "login", required = true, description = "The operator's login")
    String login;

    @Override
    public Object execute() {
        try {
            operators.remove(login, RegistryRefusals.operator(session));
            System.out.println("operator " + login + " removed");
        } catch (OperatorException e) {
            throw OperatorRefusals.of(e);
        }
        return null;
    }
}
