package org.accordpay.carrier.http.internal;

import java.net.URI;
import java.time.Duration;
import org.accordpay.carrier.http.internal.GatewaySettings.Auth;
import org.accordpay.carrier.http.internal.GatewaySettings.Format;

/** Gateway settings for tests: defaults of the configuration, the given URL, format and credentials. */
final class Settings {

    private Settings() {
    }

    static GatewaySettings of(URI url, Format format, Auth auth) {
        return of(url, format, auth, Duration.ofSeconds(2));
    }

    static GatewaySettings of(URI url, Format format, Auth auth, Duration timeout) {
        return new GatewaySettings("acme", url, format, auth, "accord", "s3cret:pw", "gw-token", "in-token", "Accord",
                timeout, 10, 3, Duration.ofSeconds(30), false, true, 1000, 100);
    }
}
