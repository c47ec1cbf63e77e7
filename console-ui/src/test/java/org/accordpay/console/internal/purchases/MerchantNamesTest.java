package org.accordpay.console.internal.purchases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MerchantNamesTest {

    @Test
    void showsTheDisplayNameLookedUpOnce() {
        AtomicInteger lookups = new AtomicInteger();
        MerchantNames names = new MerchantNames(id -> {
            lookups.incrementAndGet();
            return "m-1".equals(id) ? "Demo Shop" : null;
        });
        assertThat(names.apply("m-1")).isEqualTo("Demo Shop");
        assertThat(names.apply("m-1")).isEqualTo("Demo Shop");
        assertThat(lookups).hasValue(1);
    }

    @Test
    void fallsBackToTheIdWhenUnknownOrUnreadable() {
        assertThat(new MerchantNames(id -> null).apply("m-2")).isEqualTo("m-2");
        assertThat(new MerchantNames(id -> " ").apply("m-2")).isEqualTo("m-2");
        assertThat(new MerchantNames(id -> {
            throw new IllegalStateException("no store");
        }).apply("m-3")).isEqualTo("m-3");
    }
}
