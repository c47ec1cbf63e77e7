package org.accordpay.bank.ledger.internal.shell;

import org.accordpay.bank.ledger.LedgerBank;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code accord:bank-availability up|down}: switches the ledger bank on or off; without argument shows it. */
@Service
@Command(scope = "accord", name = "bank-availability",
        description = "Switches the ledger bank up or down (down: submit and statement fail with 'bank unavailable')")
public final class BankAvailabilityCommand implements Action {

    @Reference
    LedgerBank bank;

    @Argument(index = 0, name = "state", required = false, description = "up or down")
    String state;

    @Override
    public Object execute() {
        if (state != null) {
            switch (state.toLowerCase(java.util.Locale.ROOT)) {
                case "up" -> bank.setAvailable(true);
                case "down" -> bank.setAvailable(false);
                default -> {
                    System.err.println("expected up or down, not " + state);
                    return null;
                }
            }
        }
        System.out.println("bank " + bank.id() + " is " + (bank.available() ? "up" : "down"));
        return null;
    }
}
