package org.accordpay.crypto.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.accordpay.crypto.Argon2idParams;
import org.accordpay.crypto.Randomness;
import org.accordpay.crypto.SecretBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PinTest {

    @ParameterizedTest
    @ValueSource(strings = {"12345", "123456", "654321", "111111", "890123", "121212", "123123", "123321", "250687",
            "198503", "201912", "12a456", "1234567890123", "000000", "13571357"})
    void weakPinsAreRefused(String pin) {
        assertThat(PinPolicy.check(pin.toCharArray())).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"583920", "739146", "4829173", "90817263", "385019"})
    void reasonablePinsAreAccepted(String pin) {
        assertThat(PinPolicy.check(pin.toCharArray())).isEmpty();
    }

    @Test
    void encodeDecodeAndSingleCellDecodeAgree() {
        byte[] tableId = Randomness.bytes(16);
        byte[] cells = Randomness.bytes(1024 * 16);
        try (SecretBytes k = PinEncoding.deriveKey("583920".toCharArray(), Randomness.bytes(16), Argon2idParams.TEST_ONLY)) {
            byte[] enc = PinEncoding.xorTable(k, tableId, cells);
            assertThat(enc).hasSize(cells.length).isNotEqualTo(cells);
            assertThat(PinEncoding.xorTable(k, tableId, enc)).isEqualTo(cells);
            for (int i : new int[] {0, 1, 511, 1023}) {
                assertThat(PinEncoding.decodeCell(k, tableId, enc, i))
                        .isEqualTo(java.util.Arrays.copyOfRange(cells, i * 16, i * 16 + 16));
            }
        }
    }
}
