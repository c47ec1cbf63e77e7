package org.accordpay.routing.internal.shell;

import org.accordpay.api.routing.SmsRouting;
import org.accordpay.api.routing.dto.Route;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code accord:route NUMBER}: the operator of a number and the carriers its messages would try. */
@Service
@Command(scope = "accord", name = "route", description = "Shows the operator and carrier order for a number")
public final class RouteCommand implements Action {

    @Reference
    SmsRouting routing;

    @Argument(index = 0, name = "number", description = "E.164 number, e.g. +33612345678", required = true)
    String number;

    @Option(name = "--test", description = "Route as test-mode traffic (test carriers only)")
    boolean test;

    @Override
    public Object execute() {
        try {
            Route r = routing.route(number, test);
            System.out.println(r.e164() + " operator " + r.operator() + " carriers " + String.join(" > ", r.carriers()));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
        }
        return null;
    }
}
