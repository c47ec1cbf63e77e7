package org.accordpay.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.accordpay.api.carrier.CarrierCallback;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The callback route through the API's real filters and error mapping, on Jetty at an ephemeral loopback port. */
class CarrierCallbacksResourceTest {

    /** A carrier whose token is "secret", recording what it was handed. */
    private static final class FakeCallback implements CarrierCallback {
        final List<String> handled = new CopyOnWriteArrayList<>();

        @Override
        public String carrierId() {
            return "acme";
        }

        @Override
        public String handle(String kind, Map<String, List<String>> headers, String contentType, byte[] body) {
            if (!List.of("Bearer secret").equals(headers.get("authorization"))) {
                throw new SecurityException("wrong token");
            }
            String text = new String(body, StandardCharsets.UTF_8);
            if (!text.startsWith("{")) {
                throw new IllegalArgumentException("not JSON: " + text);
            }
            handled.add(kind + " " + contentType + " " + text);
            return "report".equals(kind) ? "" : "{\"status\":\"accepted\"}";
        }
    }

    private final List<CarrierCallback> callbacks = new CopyOnWriteArrayList<>();
    private final FakeCallback acme = new FakeCallback();
    private final HttpClient client = HttpClient.newHttpClient();
    private LoopbackApiServer server;
    private String base;

    @BeforeEach
    void start() throws Exception {
        ResourceConfig api = MerchantApiServer.resources(null, null, null, null, Duration.ofMinutes(5), 65536);
        api.register(new CarrierCallbacksResource(callbacks));
        server = new LoopbackApiServer(api);
        base = server.base();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private HttpResponse<String> post(String path, String token, String body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        return client.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anUnsignedCallbackReachesItsCarrierWithLowerCaseHeaders() throws Exception {
        callbacks.add(acme);

        HttpResponse<String> mo = post("/v1/carriers/acme/mo", "secret", "{\"from\":\"+33612345678\"}");
        HttpResponse<String> report = post("/v1/carriers/acme/report", "secret", "{\"reference\":\"m\"}");

        assertThat(mo.statusCode()).isEqualTo(200);
        assertThat(mo.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/json"));
        assertThat(mo.body()).isEqualTo("{\"status\":\"accepted\"}");
        assertThat(report.statusCode()).isEqualTo(204);
        assertThat(acme.handled).containsExactly("mo application/json {\"from\":\"+33612345678\"}",
                "report application/json {\"reference\":\"m\"}");
    }

    @Test
    void refusalsAreProblems() throws Exception {
        callbacks.add(acme);

        HttpResponse<String> unknown = post("/v1/carriers/other/mo", "secret", "{}");
        HttpResponse<String> noToken = post("/v1/carriers/acme/mo", null, "{}");
        HttpResponse<String> wrongToken = post("/v1/carriers/acme/mo", "guess", "{}");
        HttpResponse<String> malformed = post("/v1/carriers/acme/mo", "secret", "from=x");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"code\":\"unknown-carrier\"");
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(wrongToken.statusCode()).isEqualTo(401);
        assertThat(wrongToken.body()).contains("\"code\":\"carrier-unauthenticated\"").doesNotContain("wrong token");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("\"code\":\"invalid-callback\"", "not JSON");
        for (HttpResponse<String> r : List.of(unknown, noToken, wrongToken, malformed)) {
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        assertThat(acme.handled).isEmpty();
    }

    @Test
    void aCarrierBoundLaterIsFoundAndOneUnboundIsGone() throws Exception {
        assertThat(post("/v1/carriers/acme/mo", "secret", "{}").statusCode()).isEqualTo(404);
        callbacks.add(acme);
        assertThat(post("/v1/carriers/acme/mo", "secret", "{}").statusCode()).isEqualTo(200);
        callbacks.remove(acme);
        assertThat(post("/v1/carriers/acme/mo", "secret", "{}").statusCode()).isEqualTo(404);
    }

    @Test
    void otherRoutesStillNeedASignature() throws Exception {
        callbacks.add(acme);

        assertThat(post("/v1/purchases", "secret", "{}").statusCode()).isEqualTo(401);
        assertThat(post("/v1/carriers/acme/mo/extra", "secret", "{}").statusCode()).isEqualTo(404);
        assertThat(acme.handled).isEmpty();
        assertThat(CarrierCallbacksResource.isCallback("/v1/carriers/acme/report")).isTrue();
        assertThat(CarrierCallbacksResource.isCallback("/v1/carriers/ac%2Fme/report")).isFalse();
        assertThat(CarrierCallbacksResource.isCallback("/v1/carriers/acme")).isFalse();
    }
}
