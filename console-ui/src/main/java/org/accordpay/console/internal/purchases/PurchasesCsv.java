package org.accordpay.console.internal.purchases;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import org.accordpay.api.purchase.dto.Purchase;

/**
 * A customer's purchases of a period as CSV (RFC 4180: comma-separated, CRLF line ends, fields with
 * a comma, quote or line break quoted, quotes doubled). Amounts are plain decimals in the purchase's
 * own currency, named in the next column. A text field that a spreadsheet would run as a formula
 * (starting with {@code = + - @}, tab or carriage return) is prefixed with an apostrophe.
 */
public final class PurchasesCsv {

    /** The header line's fields. */
    static final List<String> HEADER = List.of("Date", "Merchant", "Order", "Status", "Amount", "Currency",
            "Refunded", "Purchase id");

    private final Function<String, String> merchantNames;
    private final DateTimeFormatter when;

    /** @param merchantNames merchant id to the name customers know; @param zone zone of the dates */
    public PurchasesCsv(Function<String, String> merchantNames, ZoneId zone) {
        this.merchantNames = merchantNames;
        this.when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
    }

    /** Writes the header and one line per purchase, in the order given. */
    public void write(List<Purchase> purchases, Writer out) throws IOException {
        line(out, HEADER);
        for (Purchase p : purchases) {
            String currency = p.total().currency();
            long refunded = p.refunded() == null ? 0 : p.refunded().minorUnits();
            line(out, List.of(when.format(p.createdAt()), text(merchantNames.apply(p.merchantId())),
                    text(p.merchantOrderRef()), text(PurchaseWording.of(p)),
                    MoneyText.decimal(p.total().minorUnits(), currency), currency,
                    MoneyText.decimal(refunded, currency), text(p.id())));
        }
        out.flush();
    }

    private static void line(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quoted(fields.get(i)));
        }
        out.write("\r\n");
    }

    /** @return the field as RFC 4180 wants it: quoted (quotes doubled) when it holds a comma, quote or line break */
    static String quoted(String field) {
        String f = field == null ? "" : field;
        if (f.indexOf(',') < 0 && f.indexOf('"') < 0 && f.indexOf('\n') < 0 && f.indexOf('\r') < 0) {
            return f;
        }
        return '"' + f.replace("\"", "\"\"") + '"';
    }

    /** @return free text that a spreadsheet will not take for a formula */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
    }
}
