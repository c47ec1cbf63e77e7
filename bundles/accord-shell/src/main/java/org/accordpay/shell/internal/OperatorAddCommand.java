package org.accordpay.shell.internal;

import java.util.Locale;
import org.accordpay.api.operator.OperatorAccounts;
import org.accordpay.api.operator.OperatorException;
import org.accordpay.api.operator.dto.OperatorEnrolment;
import org.accordpay.api.operator.dto.OperatorRole;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/**
 * {@code accord:operator-add LOGIN --role admin|viewer}: creates an operator console account and
 * prints its generated password and TOTP URI, once.
 */
@Service
@Command(scope = "accord", name = "operator-add",
        description = "Creates an operator console account; prints its password and otpauth:// URI once")
public final class OperatorAddCommand implements Action {

    @Reference
    OperatorAccounts operators;

    @Reference
    Session session;

    @Argument(index = 0, name = "login", required = true, description = "Login: letters, digits, '.', '-', '_'")
    String login;

    @Option(name = "--role", description = "admin (looks and acts) or viewer (looks only)")
    String role = "viewer";

    @Override
    public Object execute() {
        OperatorRole r = switch (role.toLowerCase(Locale.ROOT)) {
            case "admin" -> OperatorRole.ADMIN;
            case "viewer" -> OperatorRole.VIEWER;
            default -> throw new IllegalArgumentException("--role must be admin or viewer, not " + role);
        };
        try {
            OperatorEnrolment e = operators.add(login, r, RegistryRefusals.operator(session));
            System.out.println("operator " + e.operator().login() + " (" + r.name().toLowerCase(Locale.ROOT) + ") added");
            System.out.println("password : " + e.password());
            System.out.println("totp     : " + e.otpauthUri());
            System.out.println("Shown once: give the password to the operator and load the URI into an authenticator app.");
        } catch (OperatorException e) {
            throw OperatorRefusals.of(e);
        }
        return null;
    }
}
