package org.accordpay.carrier.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonFieldsTest {

    @Test
    void scalarFieldsAreReadAndNestedOnesSkipped() {
        assertThat(JsonFields.parse(" {\"a\":\"x\\\"\\u00e9\\n\", \"n\": -1.5e3, \"t\":true, \"z\":null,"
                + " \"o\":{\"p\":[1,{\"q\":2}]}, \"l\":[] } "))
                .containsExactly(Map.entry("a", "x\"é\n"), Map.entry("n", "-1.5e3"), Map.entry("t", "true"));
        assertThat(JsonFields.parse("{}")).isEmpty();
    }

    @Test
    void invalidDocumentsAreRefused() {
        for (String bad : new String[] {"", "[]", "{", "{\"a\":}", "{\"a\":1,}", "{\"a\":01}", "{\"a\":\"x\"} x",
                "{a:1}", "{\"a\":\"\\q\"}", "{\"a\":tru}", "{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}"}) {
            assertThatThrownBy(() -> JsonFields.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aQuotedStringReadsBackTheSame() {
        String s = "quote \" backslash \\ tab \t bell \u0007 line \u2028 é";
        assertThat(JsonFields.parse("{\"s\":" + JsonFields.quote(s) + "}")).containsEntry("s", s);
    }
}
