package org.accordpay.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.webhook.WebhookEndpoints;
import org.accordpay.api.webhook.WebhookException;
import org.accordpay.api.webhook.dto.WebhookEndpoint;
import org.junit.jupiter.api.Test;

class WebhookEndpointsResourceTest {

    private final RecordingWebhooks webhooks = new RecordingWebhooks();
    private final WebhookEndpointsResource resource = new WebhookEndpointsResource(() -> webhooks);

    @Test
    void aRegisteredEndpointTakesTheKeysModeAndIsListedInThatModeOnly() {
        Response created = resource.create(signed("m1", Mode.TEST),
                new WebhookEndpointsResource.CreateBody("http://127.0.0.1:9000/hook", null));
        assertThat(created.getStatus()).isEqualTo(201);
        var view = (WebhookEndpointsResource.EndpointView) created.getEntity();
        assertThat(view.mode()).isEqualTo("test");
        assertThat(view.status()).isEqualTo("active");
        assertThat(view.object()).isEqualTo("webhook_endpoint");
        assertThat(view.signingKey()).isEqualTo("k1:abcd");
        assertThat(webhooks.actors).containsExactly("merchant-api:key-m1-TEST");
        assertThat(webhooks.fromSeqs).containsExactly(0L);

        assertThat(resource.list(signed("m1", Mode.TEST)).data()).extracting(WebhookEndpointsResource.EndpointView::id)
                .containsExactly(view.id());
        assertThat(resource.list(signed("m1", Mode.LIVE)).data()).isEmpty();
        assertThat(resource.list(signed("m2", Mode.TEST)).data()).isEmpty();
    }

    @Test
    void theWebhookServicesUrlRulesAnswer422OnFieldUrl() {
        for (String url : List.of("http://shop.example/hook", "https://10.0.0.1/hook")) {
            Throwable t = catchThrowable(() -> resource.create(signed("m1", Mode.LIVE),
                    new WebhookEndpointsResource.CreateBody(url, null)));
            ApiProblem p = ProblemMapper.problem(t);
            assertThat(p.status()).as(url).isEqualTo(422);
            assertThat(p.field()).as(url).isEqualTo("url");
            assertThat(p.body().type()).startsWith(ApiProblem.TYPE_BASE);
        }
        assertThat(ProblemMapper.problem(catchThrowable(() -> resource.create(signed("m1", Mode.LIVE),
                new WebhookEndpointsResource.CreateBody("https://10.0.0.1/hook", null)))).code())
                .isEqualTo("forbidden-target");
        ApiProblem missing = ProblemMapper.problem(catchThrowable(() -> resource.create(signed("m1", Mode.LIVE),
                new WebhookEndpointsResource.CreateBody(" ", null))));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.field()).isEqualTo("url");
        ApiProblem negative = ProblemMapper.problem(catchThrowable(() -> resource.create(signed("m1", Mode.TEST),
                new WebhookEndpointsResource.CreateBody("http://127.0.0.1/hook", -1L))));
        assertThat(negative.field()).isEqualTo("after");
        assertThat(webhooks.endpoints).isEmpty();
    }

    @Test
    void deletingDisablesOnceAndOnlyTheCallersOwnEndpointOfItsMode() {
        var view = (WebhookEndpointsResource.EndpointView) resource.create(signed("m1", Mode.TEST),
                new WebhookEndpointsResource.CreateBody("http://127.0.0.1:9000/hook", 7L)).getEntity();
        assertThat(webhooks.fromSeqs).containsExactly(7L);
        for (SecurityContext other : List.of(signed("m2", Mode.TEST), signed("m1", Mode.LIVE))) {
            ApiProblem p = ProblemMapper.problem(catchThrowable(() -> resource.disable(other, view.id())));
            assertThat(p.status()).isEqualTo(404);
            assertThat(p.code()).isEqualTo("unknown-endpoint");
        }
        var disabled = resource.disable(signed("m1", Mode.TEST), view.id());
        assertThat(disabled.status()).isEqualTo("disabled");
        assertThat(disabled.disabledAt()).isNotNull();
        var again = resource.disable(signed("m1", Mode.TEST), view.id());
        assertThat(again.disabledAt()).isEqualTo(disabled.disabledAt());
        assertThat(webhooks.disabled).isEqualTo(1);
        assertThat(resource.list(signed("m1", Mode.TEST)).data()).extracting(WebhookEndpointsResource.EndpointView::status)
                .containsExactly("disabled");
    }

    @Test
    void withoutTheWebhookServiceTheEndpointsAnswer503() {
        var none = new WebhookEndpointsResource(() -> null);
        assertThatThrownBy(() -> none.list(signed("m1", Mode.TEST))).isInstanceOfSatisfying(ApiProblem.class,
                p -> assertThat(p.status()).isEqualTo(503));
        assertThatThrownBy(() -> none.create(signed("m1", Mode.TEST),
                new WebhookEndpointsResource.CreateBody("http://127.0.0.1/hook", null)))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.code()).isEqualTo("webhooks-unavailable"));
    }

    private static SecurityContext signed(String merchant, Mode mode) {
        Caller caller = new Caller(merchant, "key-" + merchant + "-" + mode, mode, "");
        return MerchantAuthentication.securityContext(caller, true);
    }

    /** In memory, with the live-mode rules of accord-webhooks' target policy reduced to what these tests send. */
    private static final class RecordingWebhooks implements WebhookEndpoints {
        final List<WebhookEndpoint> endpoints = new ArrayList<>();
        final List<String> actors = new ArrayList<>();
        final List<Long> fromSeqs = new ArrayList<>();
        int disabled;

        @Override
        public WebhookEndpoint register(String merchantId, String url, Mode mode, long fromSeq, String actor) {
            if (mode == Mode.LIVE && !url.startsWith("https://")) {
                throw new WebhookException(WebhookException.INVALID_URL, "live webhooks must use https");
            }
            if (mode == Mode.LIVE && url.startsWith("https://10.")) {
                throw new WebhookException(WebhookException.FORBIDDEN_TARGET, "private address");
            }
            WebhookEndpoint e = new WebhookEndpoint("whk_" + endpoints.size(), merchantId, url, mode,
                    Instant.parse("2026-12-01T00:00:00Z"), null, fromSeq, null, null);
            endpoints.add(e);
            actors.add(actor);
            fromSeqs.add(fromSeq);
            return e;
        }

        @Override
        public WebhookEndpoint disable(String merchantId, String endpointId, String actor) {
            disabled++;
            for (int i = 0; i < endpoints.size(); i++) {
                WebhookEndpoint e = endpoints.get(i);
                if (e.id().equals(endpointId) && e.merchantId().equals(merchantId)) {
                    WebhookEndpoint d = new WebhookEndpoint(e.id(), e.merchantId(), e.url(), e.mode(), e.createdAt(),
                            Instant.parse("2026-12-02T00:00:00Z"), e.deliveredUpTo(), null, null);
                    endpoints.set(i, d);
                    return d;
                }
            }
            throw new WebhookException(WebhookException.UNKNOWN_ENDPOINT, endpointId);
        }

        @Override
        public WebhookEndpoint replayFrom(String merchantId, String endpointId, long afterSeq, String actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<WebhookEndpoint> list(String merchantId) {
            return endpoints.stream().filter(e -> e.merchantId().equals(merchantId)).toList();
        }

        @Override
        public String signingKey() {
            return "k1:abcd";
        }
    }
}
