package org.accordpay.shell.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import org.accordpay.api.challenge.MerchantTables;
import org.accordpay.api.challenge.dto.IssuedMerchantTable;
import org.accordpay.api.registry.MerchantRegistry;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/**
 * {@code accord:merchant-table-issue MERCHANT THRESHOLD CURRENCY [--out FILE]}: generates the merchant's
 * identification table and hands it over once, written to a new file (mode 0600) or printed.
 */
@Service
@Command(scope = "accord", name = "merchant-table-issue",
        description = "Generates a merchant's identification table (replacing any previous one) and hands it over once;"
                + " purchases at or above THRESHOLD then need the merchant's proof")
public final class MerchantTableIssueCommand implements Action {

    @Reference
    MerchantTables tables;

    @Reference
    MerchantRegistry merchants;

    @Reference
    Session session;

    @Argument(index = 0, name = "merchant", required = true, description = "Merchant id")
    String merchantId;

    @Argument(index = 1, name = "threshold", required = true,
            description = "Amount in minor units (e.g. 50000 for 500.00 EUR) from which a purchase needs the proof")
    long threshold;

    @Argument(index = 2, name = "currency", required = true, description = "ISO 4217 currency of the threshold")
    String currency;

    @Option(name = "--out", description = "Write the table to this new file (mode 0600) instead of printing it")
    String out;

    @Override
    public Object execute() throws Exception {
        if (merchants.find(merchantId).isEmpty()) {
            System.err.println("refused: unknown merchant " + merchantId);
            return null;
        }
        Path file = out == null ? null : Path.of(out).toAbsolutePath();
        if (file != null && Files.exists(file)) {
            System.err.println("refused: " + file + " exists; the table is written to a new file only");
            return null;
        }
        IssuedMerchantTable table;
        try {
            table = tables.issueTable(merchantId, threshold, currency, RegistryRefusals.operator(session));
        } catch (IllegalArgumentException e) {
            System.err.println("refused: " + e.getMessage());
            return null;
        }
        String text = render(table);
        if (file == null) {
            System.out.print(text);
            return null;
        }
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        System.out.println("table " + table.tableId() + " (generation " + table.generation() + ", " + table.cellCount()
                + " cells) of merchant " + merchantId + " written to " + file + "; hand it over and delete it");
        return null;
    }

    /** The table file: a header, then one line per cell, {@code <address> <hex cell>}. */
    static String render(IssuedMerchantTable t) {
        StringBuilder b = new StringBuilder();
        b.append("# Accord merchant identification table: keep it secret, it is shown once\n");
        b.append("merchant: ").append(t.merchantId()).append('\n');
        b.append("table: ").append(t.tableId()).append('\n');
        b.append("generation: ").append(t.generation()).append('\n');
        b.append("threshold: ").append(t.thresholdMinor()).append(' ').append(t.currency()).append('\n');
        b.append("cells: ").append(t.cellCount()).append(" of ").append(t.cellLength()).append(" bytes\n");
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < t.cellCount(); i++) {
            b.append(i).append(' ').append(hex.formatHex(t.cells(), i * t.cellLength(), (i + 1) * t.cellLength()))
                    .append('\n');
        }
        return b.toString();
    }
}
