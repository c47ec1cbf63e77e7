package org.accordpay.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.accordpay.api.purchase.PurchaseService;
import org.accordpay.api.registry.CustomerRegistry;
import org.accordpay.api.registry.MerchantRegistry;
import org.accordpay.api.time.AccordClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Starts the real server (outside OSGi) and checks that Vaadin answers in production mode. */
class ConsoleServerTest {

    private ConsoleServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @SuppressWarnings("unchecked")
    private static <T> T unused(Class<T> type) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
            throw new UnsupportedOperationException(m.getName());
        });
    }

    @BeforeEach
    void start() throws Exception {
        AccordClock clock = new AccordClock() {
            @Override
            public Instant now() {
                return Instant.parse("2026-11-25T10:00:00Z");
            }

            @Override
            public Clock asClock() {
                return Clock.fixed(now(), ZoneOffset.UTC);
            }
        };
        server = new ConsoleServer(new TestConfiguration(), unused(CustomerRegistry.class),
                unused(MerchantRegistry.class), unused(PurchaseService.class), clock,
                unused(org.accordpay.api.registry.MerchantUsers.class), unused(org.accordpay.api.registry.MerchantKeys.class),
                unused(org.accordpay.api.webhook.WebhookEndpoints.class), unused(org.accordpay.api.store.AccordStore.class));
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheVaadinBootstrapPageAndTheFrontEnd() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("VAADIN/build/").doesNotContain("vaadin-dev");
        assertThat(page.headers().firstValue("Set-Cookie")).hasValueSatisfying(
                c -> assertThat(c).startsWith("ACCORDCONSOLE=").containsIgnoringCase("HttpOnly")
                        .containsIgnoringCase("SameSite=Strict"));
        String script = page.body().replaceAll("(?s).*src=\"\\./(VAADIN/build/[^\"]+\\.js)\".*", "$1");
        assertThat(script).startsWith("VAADIN/build/");
        assertThat(get("/" + script).statusCode()).isEqualTo(200);
        assertThat(get("/login").statusCode()).isEqualTo(200);
    }

    /** The defaults, on a free port. */
    @SuppressWarnings("all")
    private static final class TestConfiguration implements ConsoleConfiguration {
        @Override
        public Class<? extends Annotation> annotationType() {
            return ConsoleConfiguration.class;
        }

        @Override
        public int port() {
            return 0;
        }

        @Override
        public String host() {
            return "127.0.0.1";
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
