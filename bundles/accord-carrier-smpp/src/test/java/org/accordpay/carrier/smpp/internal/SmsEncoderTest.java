package org.accordpay.carrier.smpp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cutting texts and binary parts, and reading user data headers back. */
class SmsEncoderTest {

    @Test
    void aShortGsmTextIsOnePlainPart() {
        List<SubmitPart> parts = SmsEncoder.text("x".repeat(160), 1);
        assertThat(parts).singleElement().satisfies(p -> {
            assertThat(p.dataCoding()).isEqualTo((byte) 0);
            assertThat(p.esmClass()).isEqualTo((byte) 0);
            assertThat(p.shortMessage()).hasSize(160);
        });
    }

    @Test
    void theGsmEncoderGivesWhatCloudhoppersGivesForEveryChar() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            all.append(c);
        }
        all.append(Character.MAX_VALUE);
        assertThat(SmsEncoder.encodeGsm(all))
                .isEqualTo(com.cloudhopper.commons.charset.CharsetUtil.encode(all, com.cloudhopper.commons.charset.CharsetUtil.CHARSET_GSM));
        assertThat(SmsEncoder.encodeGsm("Accord: 25,00 € [ok] ~ é@$_")).isEqualTo(
                com.cloudhopper.commons.charset.CharsetUtil.encode("Accord: 25,00 € [ok] ~ é@$_",
                        com.cloudhopper.commons.charset.CharsetUtil.CHARSET_GSM));
    }

    @Test
    void anEscapedCharacterIsNeverCutInTwo() {
        // '€' is 0x1B 0x65 in GSM 03.38: put one across the 153-septet boundary
        String text = "a".repeat(152) + "€" + "b".repeat(100);
        List<SubmitPart> parts = SmsEncoder.text(text, 9);
        assertThat(parts).hasSize(2);
        UserDataHeader first = UserDataHeader.parse(parts.get(0).shortMessage());
        assertThat(first.payload()).hasSize(152);
        assertThat(joinText((byte) 0, parts)).isEqualTo(text);
    }

    @Test
    void aTextOutsideGsmGoesAsUcs2In67CharacterParts() {
        String text = "Привет ".repeat(15);
        List<SubmitPart> parts = SmsEncoder.text(text, 3);
        assertThat(parts).hasSize(2).allSatisfy(p -> {
            assertThat(p.dataCoding()).isEqualTo((byte) 8);
            assertThat(p.shortMessage().length).isLessThanOrEqualTo(140);
        });
        assertThat(joinText((byte) 8, parts)).isEqualTo(text);
        assertThat(SmsEncoder.text("Привет", 3)).singleElement()
                .satisfies(p -> assertThat(p.shortMessage()).isEqualTo("Привет".getBytes(StandardCharsets.UTF_16BE)));
    }

    @Test
    void aSurrogatePairIsNeverCutInTwo() {
        String text = "é".repeat(66) + "😀" + "ü".repeat(10) + "ж";
        List<SubmitPart> parts = SmsEncoder.text(text, 3);
        assertThat(parts).hasSize(2);
        assertThat(joinText((byte) 8, parts)).isEqualTo(text);
    }

    @Test
    void aSmallBinaryIsOnePortAddressedPart() {
        byte[] data = new byte[133];
        List<SubmitPart> parts = SmsEncoder.binary(data, 16707, 16000, 5);
        assertThat(parts).singleElement().satisfies(p -> {
            assertThat(p.shortMessage()).hasSize(140);
            assertThat(p.shortMessage()).startsWith(6, 5, 4, 0x41, 0x43, 0x3E, (byte) 0x80);
            UserDataHeader udh = UserDataHeader.parse(p.shortMessage());
            assertThat(udh.destPort()).isEqualTo(16707);
            assertThat(udh.isPart()).isFalse();
        });
        assertThat(SmsEncoder.binary(new byte[134], 16707, 16707, 5)).hasSize(2);
    }

    @Test
    void tooManyPartsAreRefused() {
        assertThatThrownBy(() -> SmsEncoder.binary(new byte[128 * 256], 1, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dataCodingsAreToldApart() {
        assertThat(SmsEncoder.isBinary((byte) 0xF5)).isTrue();
        assertThat(SmsEncoder.isBinary((byte) 0x04)).isTrue();
        assertThat(SmsEncoder.isBinary((byte) 0x02)).isTrue();
        assertThat(SmsEncoder.isBinary((byte) 0x00)).isFalse();
        assertThat(SmsEncoder.isBinary((byte) 0x08)).isFalse();
        assertThat(SmsEncoder.isBinary((byte) 0xF1)).isFalse();
    }

    @Test
    void aBrokenHeaderIsRefused() {
        assertThatThrownBy(() -> UserDataHeader.parse(new byte[] {9, 0, 3, 1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UserDataHeader.parse(new byte[] {4, 0, 9, 1, 2})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sixteenBitReferencesAreUnderstood() {
        UserDataHeader udh = UserDataHeader.parse(new byte[] {6, 8, 4, 0x12, 0x34, 2, 1, 'h', 'i'});
        assertThat(udh.ref()).isEqualTo(0x1234);
        assertThat(udh.total()).isEqualTo(2);
        assertThat(udh.seq()).isEqualTo(1);
        assertThat(new String(udh.payload(), StandardCharsets.US_ASCII)).isEqualTo("hi");
    }

    @Test
    void theReassemblerForgetsOldAndExcessPartials() {
        Reassembler reassembler = new Reassembler(2, Duration.ofMinutes(1));
        Instant t0 = Instant.parse("2026-11-25T12:00:00Z");
        for (int ref = 0; ref < 3; ref++) {
            assertThat(reassembler.add("+1", new UserDataHeader(ref, 2, 1, -1, new byte[] {1}), t0)).isNull();
        }
        assertThat(reassembler.incomplete()).isEqualTo(2);
        assertThat(reassembler.add("+1", new UserDataHeader(0, 2, 2, -1, new byte[] {2}), t0))
                .as("the oldest was dropped").isNull();
        assertThat(reassembler.add("+1", new UserDataHeader(9, 2, 1, -1, new byte[] {1}), t0.plusSeconds(120))).isNull();
        assertThat(reassembler.incomplete()).as("expired ones are gone").isEqualTo(1);
        assertThat(reassembler.add("+1", new UserDataHeader(9, 2, 2, -1, new byte[] {2}), t0.plusSeconds(121)))
                .isEqualTo(new byte[] {1, 2});
    }

    @Test
    void sendersAreNormalisedToE164() {
        assertThat(SmppCarrier.normalizeSender("33612345678", (byte) 1)).isEqualTo("+33612345678");
        assertThat(SmppCarrier.normalizeSender("+33612345678", (byte) 0)).isEqualTo("+33612345678");
        assertThat(SmppCarrier.normalizeSender("0033612345678", (byte) 0)).isEqualTo("+33612345678");
        assertThat(SmppCarrier.normalizeSender("Bank", (byte) 5)).isEqualTo("Bank");
    }

    private static String joinText(byte dataCoding, List<SubmitPart> parts) {
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        int ref = -1;
        for (int i = 0; i < parts.size(); i++) {
            UserDataHeader udh = UserDataHeader.parse(parts.get(i).shortMessage());
            assertThat(udh.seq()).isEqualTo(i + 1);
            assertThat(udh.total()).isEqualTo(parts.size());
            if (ref >= 0) {
                assertThat(udh.ref()).isEqualTo(ref);
            }
            ref = udh.ref();
            whole.writeBytes(udh.payload());
        }
        return SmsEncoder.decodeText(dataCoding, whole.toByteArray());
    }
}
