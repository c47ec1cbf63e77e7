package org.accordpay.carrier.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.accordpay.carrier.http.internal.GatewaySettings.Auth;
import org.accordpay.carrier.http.internal.GatewaySettings.Format;
import org.junit.jupiter.api.Test;

class GatewaySettingsTest {

    @Test
    void plainHttpIsAllowedOnlyOnALoopbackHost() {
        assertThat(Settings.of(URI.create("https://sms.example.com/v1/send"), Format.JSON, Auth.BEARER).url())
                .hasHost("sms.example.com");
        assertThat(Settings.of(URI.create("http://localhost:8080/sms"), Format.JSON, Auth.BEARER)).isNotNull();
        assertThat(Settings.of(URI.create("http://[::1]:8080/sms"), Format.JSON, Auth.BEARER)).isNotNull();
        assertThatThrownBy(() -> Settings.of(URI.create("http://sms.example.com/send"), Format.JSON, Auth.BEARER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
        assertThatThrownBy(() -> Settings.of(URI.create("ftp://127.0.0.1/send"), Format.JSON, Auth.BEARER))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void credentialsMustBeCompleteForTheirKind() {
        URI url = URI.create("https://sms.example.com/send");
        assertThatThrownBy(() -> new GatewaySettings("acme", url, Format.JSON, Auth.BEARER, "", "", "", "", "",
                Duration.ofSeconds(1), 1, 1, Duration.ZERO, false, true, 1, 1))
                .hasMessageContaining(".token");
        assertThatThrownBy(() -> new GatewaySettings("acme", url, Format.FORM, Auth.BASIC, "", "pw", "", "", "",
                Duration.ofSeconds(1), 1, 1, Duration.ZERO, false, true, 1, 1))
                .hasMessageContaining("username");
        assertThat(new GatewaySettings("acme", url, Format.FORM, Auth.NONE, null, null, null, null, null,
                Duration.ofSeconds(1), 1, 1, Duration.ZERO, false, true, 1, 1).inboundToken()).isEmpty();
    }

    @Test
    void theIdMustBeAUrlPathSegment() {
        assertThatThrownBy(() -> new GatewaySettings("a/b", URI.create("https://x.example/"), Format.JSON, Auth.NONE,
                "", "", "", "", "", Duration.ofSeconds(1), 1, 1, Duration.ZERO, false, true, 1, 1))
                .hasMessageContaining("id");
    }

    @Test
    void theStringFormShowsNoSecret() {
        String s = Settings.of(URI.create("https://x.example/"), Format.JSON, Auth.BASIC).toString();
        assertThat(s).contains("acme").doesNotContain("s3cret").doesNotContain("gw-token").doesNotContain("in-token");
    }
}
