package org.accordpay.bank.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LedgerSettingsTest {

    @Test
    void h2FileUrlsWriteEveryCommitAtOnce() {
        assertThat(LedgerSettings.normalizeUrl("jdbc:h2:/tmp/x;WRITE_DELAY=500"))
                .isEqualTo("jdbc:h2:/tmp/x;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        assertThat(LedgerSettings.normalizeUrl("jdbc:mariadb://h/db")).isEqualTo("jdbc:mariadb://h/db");
    }

    @Test
    void karafDataIsResolved() {
        String before = System.getProperty("karaf.data");
        System.setProperty("karaf.data", "/opt/accord/data");
        try {
            assertThat(LedgerSettings.resolve(null)).isEqualTo("jdbc:h2:/opt/accord/data/accord/bank-ledger");
        } finally {
            if (before == null) {
                System.clearProperty("karaf.data");
            } else {
                System.setProperty("karaf.data", before);
            }
        }
    }

    @Test
    void thePasswordIsNeverShown() {
        LedgerSettings s = new LedgerSettings("l", "test", "jdbc:mariadb://h/db?user=u&password=secret", "u", "secret",
                null, 0, 1);
        assertThat(s.toString()).doesNotContain("secret");
        assertThat(s.accordIban()).isEqualTo(LedgerSettings.DEFAULT_ACCORD_IBAN);
    }

    @Test
    void accordsIbanMustBeValid() {
        assertThat(Ibans.isValid(LedgerSettings.DEFAULT_ACCORD_IBAN)).isTrue();
        assertThat(Ibans.isValid("GB82WEST12345698765432")).isTrue();
        assertThat(Ibans.isValid("GB82WEST12345698765433")).isFalse();
        assertThatThrownBy(() -> new LedgerSettings("l", "test", "jdbc:h2:mem:x", "", "", "FR00123", 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
