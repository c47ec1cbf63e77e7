package org.accordpay.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.accordpay.crypto.Argon2idParams;
import org.junit.jupiter.api.Test;

/** Display-name folding, reference numbers, password hashes and configuration parsing. */
class RulesTest {

    @Test
    void foldsAccentsCaseAndConfusables() {
        assertThat(DisplayNames.fold("Café Élysée")).isEqualTo("cafeelysee");
        assertThat(DisplayNames.fold("P4Y-PAL 1nc.")).isEqualTo("p4ypallnc");
        assertThat(DisplayNames.fold("b0ss 53t")).isEqualTo("bossset");
        assertThat(DisplayNames.fold("rnodern vvine")).isEqualTo("modemwlne");
        assertThat(DisplayNames.fold("ＡＢＣ")).as("NFKD folds full-width letters").isEqualTo("abc");
    }

    @Test
    void comparesShortNamesExactlyAndLongerOnesWithinOneEdit() {
        assertThat(DisplayNames.lookAlike("Abcd", "Abce")).isFalse();
        assertThat(DisplayNames.lookAlike("Abcd", "ABCD")).isTrue();
        assertThat(DisplayNames.lookAlike("Abcde", "Abcdf")).isTrue();
        assertThat(DisplayNames.lookAlike("Abcde", "Abxdf")).isFalse();
        assertThat(DisplayNames.levenshtein("kitten", "sitting")).isEqualTo(3);
        assertThat(DisplayNames.levenshtein("", "abc")).isEqualTo(3);
    }

    @Test
    void referenceNumbersCarryALuhnCheckDigit() {
        for (int i = 0; i < 200; i++) {
            String r = ReferenceNumbers.next();
            assertThat(r).matches("AC[0-9]{10}");
            assertThat(ReferenceNumbers.wellFormed(r)).isTrue();
            char last = r.charAt(11);
            assertThat(ReferenceNumbers.wellFormed(r.substring(0, 11) + (char) ('0' + (last - '0' + 1) % 10)))
                    .isFalse();
        }
        assertThat(ReferenceNumbers.luhn("7992739871")).isEqualTo(3); // the textbook example
        assertThat(ReferenceNumbers.wellFormed("AC123")).isFalse();
        assertThat(ReferenceNumbers.wellFormed(null)).isFalse();
    }

    @Test
    void passwordHashesVerifyAndKeepTheirCost() {
        ConsolePasswords passwords = new ConsolePasswords(Argon2idParams.TEST_ONLY);
        String hash = passwords.hash("correct horse battery".toCharArray());
        assertThat(hash).startsWith("$argon2id$v=19$m=64,t=1,p=1$");
        assertThat(passwords.hash("correct horse battery".toCharArray())).as("salted").isNotEqualTo(hash);
        assertThat(passwords.verify("correct horse battery".toCharArray(), hash)).isTrue();
        assertThat(passwords.verify("correct horse batterY".toCharArray(), hash)).isFalse();
        assertThat(new ConsolePasswords(new Argon2idParams(128, 2, 1))
                .verify("correct horse battery".toCharArray(), hash)).as("the stored cost is used").isTrue();
        assertThat(passwords.verify("x".toCharArray(), "$argon2id$v=19$m=64$x$y")).isFalse();
        assertThat(passwords.verify("x".toCharArray(), "garbage")).isFalse();
        assertThat(passwords.verify("x".toCharArray(), null)).isFalse();
        assertThat(passwords.verifyNobody("correct horse battery".toCharArray())).isFalse();
    }

    @Test
    void conditionsComeAsAnArrayOrOneCommaSeparatedString() {
        assertThat(RegistryPolicy.conditions(new String[] {"a, b", "C", "a"})).isEqualTo(List.of("a", "b", "c"));
        assertThat(RegistryPolicy.conditions(null)).isEmpty();
    }
}
