package org.accordpay.console.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.accordpay.api.purchase.PurchaseService;
import org.accordpay.api.registry.CustomerRegistry;
import org.accordpay.api.registry.MerchantRegistry;
import org.accordpay.api.time.AccordClock;
import org.junit.jupiter.api.AfterEach;
import org.accordpay.web.ServerCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the real server (outside OSGi) and checks that Vaadin answers in production mode, over plain HTTP on
 * loopback and over TLS with the self-signed certificate generated at first start, and the session cookie's flags.
 */
class ConsoleServerTest {

    private static final AccordClock CLOCK = new AccordClock() {
        @Override
        public Instant now() {
            return Instant.parse("2026-11-25T10:00:00Z");
        }

        @Override
        public Clock asClock() {
            return Clock.fixed(now(), ZoneOffset.UTC);
        }
    };

    @TempDir
    Path etc;
    private ConsoleServer server;
    private HttpClient http = HttpClient.newHttpClient();
    private String scheme = "http";

    @SuppressWarnings("unchecked")
    private static <T> T unused(Class<T> type) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
            throw new UnsupportedOperationException(m.getName());
        });
    }

    private static ConsoleServer start(TestConfiguration config) throws Exception {
        return new ConsoleServer(config, unused(CustomerRegistry.class), unused(MerchantRegistry.class),
                unused(PurchaseService.class), CLOCK, unused(org.accordpay.api.registry.MerchantUsers.class),
                unused(org.accordpay.api.registry.MerchantKeys.class), unused(org.accordpay.api.webhook.WebhookEndpoints.class),
                unused(org.accordpay.api.registry.ReturnUrls.class));
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(scheme + "://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheVaadinBootstrapPageAndTheFrontEndOverPlainHttpOnLoopback() throws Exception {
        server = start(new TestConfiguration("127.0.0.1", false, etc.resolve("console.p12")));
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("VAADIN/build/").doesNotContain("vaadin-dev");
        assertThat(page.headers().firstValue("Set-Cookie")).hasValueSatisfying(
                c -> assertThat(c).startsWith("ACCORDCONSOLE=").containsIgnoringCase("HttpOnly")
                        .containsIgnoringCase("SameSite=Strict").doesNotContainIgnoringCase("Secure"));
        assertThat(Files.exists(etc.resolve("console.p12"))).as("no certificate for plain HTTP").isFalse();
        String script = page.body().replaceAll("(?s).*src=\"\\./(VAADIN/build/[^\"]+\\.js)\".*", "$1");
        assertThat(script).startsWith("VAADIN/build/");
        assertThat(get("/" + script).statusCode()).isEqualTo(200);
        assertThat(get("/login").statusCode()).isEqualTo(200);
        assertThat(get("/checkout/unknown").statusCode()).isEqualTo(200);
    }

    @Test
    void servesHttpsWithTheCertificateGeneratedAtFirstStartAndSecureSessionCookies() throws Exception {
        Path keystore = etc.resolve("accord-console.p12");
        server = start(new TestConfiguration("127.0.0.1", true, keystore));
        assertThat(keystore).exists();
        assertThat(Files.getPosixFilePermissions(keystore)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String password = Files.readString(ServerCertificate.passwordFile(keystore)).strip();
        X509Certificate certificate = ServerCertificate.read(keystore, password);
        http = trusting(certificate);
        scheme = "https";

        HttpResponse<String> page = get("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("VAADIN/build/");
        assertThat(page.headers().firstValue("Set-Cookie")).hasValueSatisfying(
                c -> assertThat(c).startsWith("ACCORDCONSOLE=").containsIgnoringCase("HttpOnly")
                        .containsIgnoringCase("SameSite=Strict").containsIgnoringCase("; Secure"));
        // plain HTTP on the TLS port gets nothing served
        HttpClient plain = HttpClient.newHttpClient();
        assertThatThrownBy(() -> {
            HttpResponse<String> r = plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                    + "/login")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isNotEqualTo(200);
            throw new IOException("answered " + r.statusCode());
        }).isInstanceOf(IOException.class);

        // a restart keeps the same certificate
        server.stop();
        server = start(new TestConfiguration("127.0.0.1", true, keystore));
        assertThat(ServerCertificate.read(keystore, password)).isEqualTo(certificate);
        assertThat(get("/login").statusCode()).isEqualTo(200);
    }

    @Test
    void plainHttpOffLoopbackIsRefusedAndNothingStarts() {
        assertThatThrownBy(() -> start(new TestConfiguration("0.0.0.0", false, etc.resolve("c.p12"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopback");
    }

    private static HttpClient trusting(X509Certificate certificate) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("console", certificate);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).build();
    }

    /** The defaults, on a free port, with the given host, TLS switch and keystore. */
    @SuppressWarnings("all")
    private record TestConfiguration(String host, boolean tls, Path keystorePath) implements ConsoleConfiguration {
        @Override
        public Class<? extends Annotation> annotationType() {
            return ConsoleConfiguration.class;
        }

        @Override
        public int port() {
            return 0;
        }

        @Override
        public String keystore() {
            return keystorePath.toString();
        }

        @Override
        public String keystore_password() {
            return "";
        }

        @Override
        public int checkout_per_address_per_minute() {
            return 10;
        }

        @Override
        public int checkout_per_number_per_quarter() {
            return 5;
        }

        @Override
        public int session_timeout_minutes() {
            return 15;
        }

        @Override
        public int lockout_failures() {
            return 5;
        }

        @Override
        public int lockout_minutes() {
            return 15;
        }

        @Override
        public String zone() {
            return "Europe/Paris";
        }
    }
}
