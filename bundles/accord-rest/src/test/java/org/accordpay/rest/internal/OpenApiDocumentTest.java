package org.accordpay.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The API as registered, on a real Jetty: /v1/openapi.json serves docs/merchant-api.json, unsigned. */
class OpenApiDocumentTest {

    /** The checked-in document, relative to this module (surefire runs in the module's folder). */
    static final Path DOCUMENT = Path.of("..", "..", "docs", "merchant-api.json");

    private static LoopbackApiServer server;
    private static String base;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        // no purchase service, keys, store or clock: the public paths and the refusals of unsigned requests need none
        var api = MerchantApiServer.withSelfService(
                MerchantApiServer.resources(null, null, null, null, Duration.ofMinutes(5), 65536), null,
                () -> null, java.util.List.of());
        server = new LoopbackApiServer(api);
        base = server.base();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void theServedDocumentIsDocsMerchantApiJsonByteForByteWithoutASignature() throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/v1/openapi.json")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(r.body()).isEqualTo(Files.readAllBytes(DOCUMENT));
        assertThat(Json.MAPPER.readTree(r.body()).path("openapi").asText()).isEqualTo("3.1.0");
    }

    @Test
    void webhookEndpointsRequireASignature() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/v1/webhook-endpoints")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith(ProblemMapper.PROBLEM_JSON);
        assertThat(r.body()).contains("\"code\":\"unauthenticated\"");
        HttpResponse<String> delete = HTTP.send(HttpRequest.newBuilder(URI.create(base
                + "/v1/webhook-endpoints/whk_1")).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(delete.statusCode()).isEqualTo(401);
    }
}
