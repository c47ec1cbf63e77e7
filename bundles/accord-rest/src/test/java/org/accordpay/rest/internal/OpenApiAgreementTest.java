package org.accordpay.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/merchant-api.json cannot drift from the code: every (method, path) of the resources the
 * server registers is documented and every documented operation exists; path parameters, public
 * operations, idempotency keys and the JSON bodies' field names agree.
 */
class OpenApiAgreementTest {

    private static final Set<String> VERBS = Set.of("get", "put", "post", "delete", "patch", "head", "options",
            "trace");
    private static final Pattern TEMPLATE = Pattern.compile("\\{([A-Za-z0-9_]+)(?:\\s*:[^}]*)?}");

    private static JsonNode doc;
    private static Map<String, Method> code;

    @BeforeAll
    static void load() throws Exception {
        doc = Json.MAPPER.readTree(Files.readAllBytes(OpenApiDocumentTest.DOCUMENT));
        ResourceConfig api = MerchantApiServer.withPublicEndpoints(MerchantApiServer.withSelfService(
                MerchantApiServer.resources(null, null, null, null, Duration.ofMinutes(5), 65536), null,
                () -> null, List.of()), null, () -> null, null,
                PublicEndpoints.of("https://pay.example", Map.of(), Runnable::run));
        List<Class<?>> resources = new ArrayList<>();
        api.getInstances().forEach(i -> resources.add(i.getClass()));
        resources.addAll(api.getClasses());
        code = new LinkedHashMap<>();
        for (Class<?> c : resources) {
            Path root = c.getAnnotation(Path.class);
            if (root == null) {
                continue; // a provider (filter, mapper), not a resource
            }
            for (Method m : c.getMethods()) {
                String verb = verb(m);
                Path sub = m.getAnnotation(Path.class);
                assertThat(verb != null || sub == null).as("sub-resource locator %s is not walked here", m).isTrue();
                if (verb != null) {
                    String key = verb + " " + join(root.value(), sub == null ? "" : sub.value());
                    assertThat(code.put(key, m)).as("two methods answer %s", key).isNull();
                }
            }
        }
    }

    @Test
    void everyResourceMethodIsDocumentedAndEveryDocumentedOperationExists() {
        Set<String> documented = new TreeSet<>();
        doc.path("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(v -> {
            if (VERBS.contains(v)) {
                documented.add(v.toUpperCase(Locale.ROOT) + " " + p.getKey());
            }
        }));
        assertThat(code).isNotEmpty();
        assertThat(documented).as("docs/merchant-api.json operations vs. the JAX-RS resources")
                .isEqualTo(new TreeSet<>(code.keySet()));
    }

    @Test
    void pathParametersAreTheTemplatesAndTheMethodsParameters() {
        code.forEach((key, m) -> {
            String path = key.substring(key.indexOf(' ') + 1);
            Set<String> template = new HashSet<>();
            Matcher t = TEMPLATE.matcher(path);
            while (t.find()) {
                template.add(t.group(1));
            }
            Set<String> java = new HashSet<>();
            for (Parameter p : m.getParameters()) {
                if (p.isAnnotationPresent(PathParam.class)) {
                    java.add(p.getAnnotation(PathParam.class).value());
                }
            }
            Set<String> documented = new HashSet<>();
            JsonNode item = doc.path("paths").path(path);
            List<JsonNode> params = new ArrayList<>();
            item.path("parameters").forEach(params::add);
            item.path(verbOf(key)).path("parameters").forEach(params::add);
            for (JsonNode p : params) {
                JsonNode resolved = resolve(p);
                if ("path".equals(resolved.path("in").asText())) {
                    documented.add(resolved.path("name").asText());
                    assertThat(resolved.path("required").asBoolean()).as(key).isTrue();
                }
            }
            assertThat(java).as(key).isEqualTo(template);
            assertThat(documented).as(key).isEqualTo(template);
        });
    }

    @Test
    void exactlyThePublicPathsAreDocumentedWithoutSecurityAndEveryPostTakesAnIdempotencyKey() {
        assertThat(doc.path("security").get(0).size()).as("all three signature headers at once").isEqualTo(3);
        code.keySet().forEach(key -> {
            String path = key.substring(key.indexOf(' ') + 1);
            JsonNode op = doc.path("paths").path(path).path(verbOf(key));
            boolean open = op.has("security") && op.path("security").isEmpty();
            String concrete = path.replaceAll("\\{[^}]+}", "x");
            assertThat(open).as(key + " unauthenticated").isEqualTo(MerchantAuthentication.isPublic(concrete));
            // carrier callbacks: the connector's bearer token instead of a merchant signature, no idempotency key
            boolean carrier = op.path("security").path(0).has("carrierToken");
            assertThat(carrier).as(key + " authenticated by the carrier")
                    .isEqualTo(CarrierCallbacksResource.isCallback(concrete));
            // courier reports: the courier's bearer token
            boolean courier = op.path("security").path(0).has("courierToken");
            assertThat(courier).as(key + " authenticated by the courier")
                    .isEqualTo(CourierDeliveriesResource.isDelivery(concrete));
            if (carrier || courier || open) {
                assertThat(MerchantAuthentication.signed(concrete)).as(key).isFalse();
                return;
            }
            boolean idempotent = false;
            for (JsonNode p : op.path("parameters")) {
                JsonNode r = resolve(p);
                idempotent |= "header".equals(r.path("in").asText())
                        && IdempotencyKeys.HEADER.equals(r.path("name").asText()) && r.path("required").asBoolean();
            }
            assertThat(idempotent).as(key + " documents a required Idempotency-Key")
                    .isEqualTo(key.startsWith("POST "));
        });
        for (String header : List.of(MerchantAuthentication.KEY_ID, MerchantAuthentication.TIMESTAMP,
                MerchantAuthentication.SIGNATURE)) {
            boolean found = false;
            for (JsonNode s : doc.path("components").path("securitySchemes")) {
                found |= header.equals(s.path("name").asText()) && "header".equals(s.path("in").asText());
            }
            assertThat(found).as(header).isTrue();
        }
    }

    @Test
    void theJsonBodiesHaveTheDocumentedFields() {
        Map<Class<?>, String> schemas = new LinkedHashMap<>();
        schemas.put(ApiProblem.ProblemBody.class, "Problem");
        schemas.put(MerchantProofs.ChallengeRequired.class, "MerchantChallengeRequired");
        schemas.put(Bodies.CustomerBody.class, "Customer");
        schemas.put(Bodies.ItemBody.class, "ItemRequest");
        schemas.put(Bodies.CreatePurchaseBody.class, "CreatePurchase");
        schemas.put(Bodies.ShipBody.class, "Shipment");
        schemas.put(Bodies.CancelBody.class, "Cancellation");
        schemas.put(Bodies.RefundBody.class, "Refund");
        schemas.put(Bodies.ItemView.class, "Item");
        schemas.put(Bodies.AddressView.class, "Address");
        schemas.put(Bodies.PurchaseView.class, "Purchase");
        schemas.put(Bodies.PurchasePage.class, "PurchasePage");
        schemas.put(Bodies.EventView.class, "Event");
        schemas.put(Bodies.EventPage.class, "EventPage");
        schemas.put(EventsResource.ReplayBody.class, "EventReplayRequest");
        schemas.put(EventsResource.ReplayView.class, "EventReplay");
        schemas.put(Bodies.Health.class, "Health");
        schemas.put(WebhookEndpointsResource.CreateBody.class, "CreateWebhookEndpoint");
        schemas.put(WebhookEndpointsResource.EndpointView.class, "WebhookEndpoint");
        schemas.put(WebhookEndpointsResource.EndpointPage.class, "WebhookEndpointPage");
        schemas.put(ReturnUrlsResource.CreateBody.class, "CreateReturnUrl");
        schemas.put(ReturnUrlsResource.View.class, "ReturnUrl");
        schemas.put(ReturnUrlsResource.Page.class, "ReturnUrlPage");
        schemas.put(CheckoutResource.CheckoutPage.class, "Checkout");
        schemas.put(CheckoutResource.SubmitCustomerBody.class, "CheckoutCustomer");
        schemas.put(CheckoutResource.Submitted.class, "CheckoutSubmitted");
        schemas.put(CourierDeliveriesResource.DeliveryBody.class, "Delivery");
        var snake = new PropertyNamingStrategies.SnakeCaseStrategy();
        schemas.forEach((type, name) -> {
            Set<String> fields = new TreeSet<>();
            for (RecordComponent c : type.getRecordComponents()) {
                fields.add(snake.translate(c.getName()));
            }
            Set<String> documented = new TreeSet<>();
            doc.path("components").path("schemas").path(name).path("properties").fieldNames()
                    .forEachRemaining(documented::add);
            assertThat(documented).as("schema %s vs. %s", name, type.getSimpleName()).isEqualTo(fields);
        });
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty();
        refs.forEach(r -> assertThat(doc.at(r.substring(1)).isMissingNode()).as(r).isFalse());
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                if (f.getKey().equals("$ref")) {
                    refs.add(f.getValue().asText());
                } else {
                    collectRefs(f.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, refs));
        }
    }

    private static JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? doc.at(node.path("$ref").asText().substring(1)) : node;
    }

    private static String verbOf(String key) {
        return key.substring(0, key.indexOf(' ')).toLowerCase(Locale.ROOT);
    }

    private static String verb(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod h = a.annotationType().getAnnotation(HttpMethod.class);
            if (h != null) {
                return h.value();
            }
        }
        return null;
    }

    /** @return the URI template of a class and method path: one leading slash, no trailing one, no regex */
    static String join(String root, String sub) {
        String path = ("/" + root + "/" + sub).replaceAll("/+", "/");
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return TEMPLATE.matcher(path).replaceAll("{$1}");
    }
}
