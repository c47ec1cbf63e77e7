package org.accordpay.console.internal.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.accordpay.api.purchase.dto.CustomerIdentifier;
import org.junit.jupiter.api.Test;

class SignInIdentifierTest {

    @Test
    void phoneNumbersAreNormalisedToE164() {
        assertThat(SignInIdentifier.byPhone("+33 6 12 34 56 78", "fr"))
                .isEqualTo(CustomerIdentifier.byPhone("+33612345678", "FR"));
        assertThat(SignInIdentifier.byPhone("0033 (6) 12.34.56-78", "FR").phoneE164()).isEqualTo("+33612345678");
    }

    @Test
    void nationalNumbersAndNonsenseAreRefused() {
        assertThatThrownBy(() -> SignInIdentifier.byPhone("06 12 34 56 78", "FR"))
                .hasMessageContaining("international form");
        assertThatThrownBy(() -> SignInIdentifier.byPhone("+33abc", "FR")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignInIdentifier.byPhone(null, "FR")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignInIdentifier.byPhone("+33612345678", null)).hasMessageContaining("country");
        assertThatThrownBy(() -> SignInIdentifier.byPhone("+33612345678", "FRA")).hasMessageContaining("country");
    }

    @Test
    void referencesIgnoreCaseSpacesAndDashes() {
        assertThat(SignInIdentifier.byReference(" ac 123-456 7890 "))
                .isEqualTo(CustomerIdentifier.byReference("AC1234567890"));
        assertThatThrownBy(() -> SignInIdentifier.byReference("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignInIdentifier.byReference("AC<script>")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void throttleKeysSeparatePhoneFromReference() {
        assertThat(SignInIdentifier.throttleKey(CustomerIdentifier.byPhone("+33612345678", "FR")))
                .isEqualTo("phone:+33612345678/FR");
        assertThat(SignInIdentifier.throttleKey(CustomerIdentifier.byReference("AC1234567890")))
                .isEqualTo("ref:AC1234567890");
    }
}
