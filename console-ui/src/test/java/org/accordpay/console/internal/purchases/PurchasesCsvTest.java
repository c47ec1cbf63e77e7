package org.accordpay.console.internal.purchases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.accordpay.api.money.Money;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.purchase.PurchaseState;
import org.accordpay.api.purchase.dto.Purchase;
import org.accordpay.api.purchase.dto.PurchaseItem;
import org.junit.jupiter.api.Test;

class PurchasesCsvTest {

    private static final Instant AT = Instant.parse("2026-11-10T12:00:05Z");

    private static String csv(List<Purchase> purchases, Map<String, String> names) throws Exception {
        StringWriter out = new StringWriter();
        new PurchasesCsv(id -> names.getOrDefault(id, id), ZoneId.of("Europe/Paris")).write(purchases, out);
        return out.toString();
    }

    @Test
    void oneLinePerPurchaseWithAmountsInTheirOwnCurrency() throws Exception {
        Purchase yen = new Purchase("pur_2", "m-2", "c-1", "JP-1", List.of(new PurchaseItem("Tea", 1500, 1)),
                Money.of(1500, "JPY"), Money.of(0, "JPY"), PurchaseState.DELIVERED, Mode.TEST, AT, AT, null, null,
                null, null);
        Purchase euros = new Purchase("pur_1", "m-1", "c-1", "A-1", List.of(new PurchaseItem("Mug", 1250, 2)),
                Money.of(2500, "EUR"), Money.of(500, "EUR"), PurchaseState.SHIPPED, Mode.TEST, AT, AT, null, null,
                null, null);
        assertThat(csv(List.of(euros, yen), Map.of("m-1", "Demo Shop", "m-2", "Kyoto Tea")))
                .isEqualTo("Date,Merchant,Order,Status,Amount,Currency,Refunded,Purchase id\r\n"
                        + "2026-11-10 13:00:05,Demo Shop,A-1,Shipped (partly refunded),25.00,EUR,5.00,pur_1\r\n"
                        + "2026-11-10 13:00:05,Kyoto Tea,JP-1,Delivered,1500,JPY,0,pur_2\r\n");
        assertThat(csv(List.of(), Map.of())).isEqualTo(
                "Date,Merchant,Order,Status,Amount,Currency,Refunded,Purchase id\r\n");
    }

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedAndQuotesDoubled() throws Exception {
        assertThat(PurchasesCsv.quoted("plain")).isEqualTo("plain");
        assertThat(PurchasesCsv.quoted("Smith, Jones & Co")).isEqualTo("\"Smith, Jones & Co\"");
        assertThat(PurchasesCsv.quoted("the \"best\" shop")).isEqualTo("\"the \"\"best\"\" shop\"");
        assertThat(PurchasesCsv.quoted("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(PurchasesCsv.quoted("cr\rhere")).isEqualTo("\"cr\rhere\"");
        assertThat(PurchasesCsv.quoted("")).isEmpty();
        Purchase p = TestPurchases.purchase("pur_3", "c-1", PurchaseState.IN_ESCROW, 100, "EUR", AT);
        String line = csv(List.of(p), Map.of("m-1", "Shop \"Nice\", Paris")).lines().toList().get(1);
        assertThat(line).isEqualTo("2026-11-10 13:00:05,\"Shop \"\"Nice\"\", Paris\",order-pur_3,"
                + "\"Paid, held in escrow\",1.00,EUR,0.00,pur_3");
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsDefused() throws Exception {
        for (String formula : List.of("=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "\tx")) {
            assertThat(PurchasesCsv.text(formula)).isEqualTo("'" + formula);
        }
        assertThat(PurchasesCsv.text("Demo Shop")).isEqualTo("Demo Shop");
        assertThat(PurchasesCsv.text(null)).isEmpty();
        Purchase p = TestPurchases.purchase("pur_4", "c-1", PurchaseState.IN_ESCROW, 100, "EUR", AT);
        assertThat(csv(List.of(p), Map.of("m-1", "=cmd|' /C calc'!A0")).lines().toList().get(1))
                .contains(",'=cmd|' /C calc'!A0,");
    }
}
