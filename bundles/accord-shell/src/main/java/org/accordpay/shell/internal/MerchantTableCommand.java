package org.accordpay.shell.internal;

import org.accordpay.api.challenge.ChallengeException;
import org.accordpay.api.challenge.MerchantTables;
import org.accordpay.api.challenge.dto.MerchantTableStatus;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code accord:merchant-table MERCHANT [--threshold AMOUNT --currency CUR]}: shows a merchant's table, or its threshold changed. */
@Service
@Command(scope = "accord", name = "merchant-table",
        description = "Shows a merchant's identification table (no cells); with --threshold and --currency, changes the"
                + " threshold")
public final class MerchantTableCommand implements Action {

    @Reference
    MerchantTables tables;

    @Reference
    Session session;

    @Argument(index = 0, name = "merchant", required = true, description = "Merchant id")
    String merchantId;

    @Option(name = "--threshold", description = "New threshold, in minor units")
    Long threshold;

    @Option(name = "--currency", description = "ISO 4217 currency of the new threshold")
    String currency;

    @Override
    public Object execute() {
        try {
            MerchantTableStatus t;
            if (threshold != null || currency != null) {
                if (threshold == null || currency == null) {
                    System.err.println("refused: give both --threshold and --currency");
                    return null;
                }
                t = tables.setThreshold(merchantId, threshold, currency, RegistryRefusals.operator(session));
            } else {
                t = tables.table(merchantId).orElse(null);
                if (t == null) {
                    System.out.println("merchant " + merchantId + " has no identification table");
                    return null;
                }
            }
            System.out.println("merchant " + t.merchantId() + ": table " + t.tableId() + " generation " + t.generation()
                    + ", " + t.remainingCells() + " of " + t.cells() + " cells left, threshold " + t.thresholdMinor()
                    + " " + t.currency() + ", issued " + t.issuedAt());
        } catch (ChallengeException | IllegalArgumentException e) {
            System.err.println("refused: " + e.getMessage());
        }
        return null;
    }
}
