package org.accordpay.carrier.smpp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.accordpay.api.carrier.dto.DeliveryReport;
import org.junit.jupiter.api.Test;

/** Matching receipts to Accord's messages, whatever order they come in. */
class ReceiptBookTest {

    static final Instant AT = Instant.parse("2026-11-25T12:00:00Z");
    static final SubmitPart PART = new SubmitPart((byte) 0, (byte) 0, new byte[] {1});

    private final ReceiptBook book = new ReceiptBook("c1", 100);

    @Test
    void aReceiptBeforeTheSubmitResponseIsKeptUntilTheIdIsKnown() {
        ReceiptBook.Outgoing m = book.outgoing("m1", () -> List.of(PART));
        assertThat(book.receipt("abc", new ReceiptBook.PartOutcome(true, "DELIVRD", AT))).isNull();

        DeliveryReport report = book.accepted("abc", m, 0);

        assertThat(report).isEqualTo(new DeliveryReport("c1", "m1", true, "DELIVRD", AT));
    }

    @Test
    void aMessageInPartsIsReportedOnceFailedAtTheFirstFailedPart() {
        ReceiptBook.Outgoing m = book.outgoing("m2", () -> List.of(PART, PART, PART));
        book.accepted("1", m, 0);
        book.accepted("2", m, 1);
        book.accepted("3", m, 2);

        assertThat(book.receipt("1", new ReceiptBook.PartOutcome(true, "DELIVRD", AT))).isNull();
        assertThat(book.receipt("2", new ReceiptBook.PartOutcome(false, "UNDELIV", AT)))
                .isEqualTo(new DeliveryReport("c1", "m2", false, "UNDELIV", AT));
        assertThat(book.receipt("3", new ReceiptBook.PartOutcome(true, "DELIVRD", AT))).isNull();
        assertThat(book.receipt("2", new ReceiptBook.PartOutcome(false, "UNDELIV", AT))).as("repeat").isNull();
    }

    @Test
    void decimalReceiptIdsMatchHexadecimalSubmitIds() {
        ReceiptBook.Outgoing m = book.outgoing("m3", () -> List.of(PART));
        book.accepted("1f4", m, 0);

        assertThat(book.receipt("500", new ReceiptBook.PartOutcome(true, "DELIVRD", AT))).isNotNull();
    }

    @Test
    void aReceiptBeforeItsSubmitResponseIsNotTakenForAnotherMessageWhoseIdIsItInAnotherBase() {
        ReceiptBook.Outgoing earlier = book.outgoing("m-earlier", () -> List.of(PART));
        book.accepted("403", earlier, 0);
        assertThat(book.receipt("403", new ReceiptBook.PartOutcome(true, "DELIVRD", AT))).isNotNull();
        ReceiptBook.Outgoing pending = book.outgoing("m-pending", () -> List.of(PART));
        book.accepted("404", pending, 0);
        ReceiptBook.Outgoing later = book.outgoing("m-later", () -> List.of(PART));

        // the SMSC's hexadecimal id 1028 is 0x404 read as decimal: the receipt is m-later's, not m-pending's
        assertThat(book.receipt("1028", new ReceiptBook.PartOutcome(true, "DELIVRD", AT))).isNull();

        assertThat(book.accepted("1028", later, 0)).isEqualTo(new DeliveryReport("c1", "m-later", true, "DELIVRD", AT));
        assertThat(book.receipt("404", new ReceiptBook.PartOutcome(true, "DELIVRD", AT)))
                .isEqualTo(new DeliveryReport("c1", "m-pending", true, "DELIVRD", AT));
    }

    @Test
    void thePlanIsMadeOnceAndTheOldestMessagesAreForgotten() {
        ReceiptBook small = new ReceiptBook("c1", 2);
        ReceiptBook.Outgoing first = small.outgoing("a", () -> List.of(PART));
        assertThat(small.outgoing("a", () -> List.of(PART, PART))).isSameAs(first);
        small.outgoing("b", () -> List.of(PART));
        small.outgoing("c", () -> List.of(PART));
        assertThat(small.outgoing("a", () -> List.of(PART, PART)).parts).as("a was forgotten").hasSize(2);
    }
}
