package org.accordpay.rest.internal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.function.Supplier;
import org.accordpay.api.webhook.WebhookEndpoints;
import org.accordpay.api.webhook.WebhookException;
import org.accordpay.api.webhook.dto.WebhookEndpoint;

/**
 * /v1/webhook-endpoints: a merchant registers, lists and disables the URLs its events are delivered
 * to, in its key's mode. The URL rules are the webhook service's (https and public addresses only in
 * live mode); its refusals answer 422 with field {@code url}.
 */
@Path("/v1/webhook-endpoints")
@Produces(MediaType.APPLICATION_JSON)
public final class WebhookEndpointsResource {

    private final Supplier<WebhookEndpoints> webhooks;

    /** @param webhooks the webhook service now, or null while none is there (then 503) */
    WebhookEndpointsResource(Supplier<WebhookEndpoints> webhooks) {
        this.webhooks = webhooks;
    }

    /** Registers a URL in the key's mode; deliveries start with the events after {@code after} (default 0: all). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Context SecurityContext security, CreateBody body) {
        Caller caller = MerchantAuthentication.caller(security);
        if (body == null || body.url() == null || body.url().isBlank()) {
            throw ApiProblem.invalid("url", "the webhook URL is required");
        }
        if (body.after() != null && body.after() < 0) {
            throw ApiProblem.invalid("after", "after is an event sequence number, 0 for all events");
        }
        WebhookEndpoints service = service();
        WebhookEndpoint e = service.register(caller.merchantId(), body.url(), caller.mode(),
                body.after() == null ? 0 : body.after(), actor(caller));
        return Response.status(201).entity(EndpointView.of(e, service.signingKey())).build();
    }

    /** The merchant's endpoints of the key's mode, active and disabled, oldest first. */
    @GET
    public EndpointPage list(@Context SecurityContext security) {
        Caller caller = MerchantAuthentication.caller(security);
        WebhookEndpoints service = service();
        String key = service.signingKey();
        return new EndpointPage("list", service.list(caller.merchantId()).stream()
                .filter(e -> e.mode() == caller.mode()).map(e -> EndpointView.of(e, key)).toList());
    }

    /** Stops deliveries to an endpoint; answers it with {@code disabled_at}. Disabling twice changes nothing. */
    @DELETE
    @Path("{id}")
    public EndpointView disable(@Context SecurityContext security, @PathParam("id") String id) {
        Caller caller = MerchantAuthentication.caller(security);
        WebhookEndpoints service = service();
        WebhookEndpoint e = service.list(caller.merchantId()).stream()
                .filter(x -> x.id().equals(id) && x.mode() == caller.mode()).findFirst()
                .orElseThrow(() -> new WebhookException(WebhookException.UNKNOWN_ENDPOINT,
                        "no webhook endpoint " + id));
        WebhookEndpoint after = e.disabledAt() != null ? e : service.disable(caller.merchantId(), id, actor(caller));
        return EndpointView.of(after, service.signingKey());
    }

    private WebhookEndpoints service() {
        return service(webhooks);
    }

    /** @return the webhook service now; 503 while none is there */
    static WebhookEndpoints service(Supplier<WebhookEndpoints> webhooks) {
        WebhookEndpoints service = webhooks.get();
        if (service == null) {
            throw new ApiProblem(503, "webhooks-unavailable", "Webhooks unavailable",
                    "the webhook service is not running; retry later", null);
        }
        return service;
    }

    static String actor(Caller caller) {
        return "merchant-api:" + caller.keyId();
    }

    /**
     * POST /v1/webhook-endpoints.
     *
     * @param url   where events are POSTed: https (http in test mode), public addresses only in live mode
     * @param after deliver the events after this sequence number; absent: 0, every event
     */
    record CreateBody(String url, Long after) {
    }

    /**
     * An endpoint as answered.
     *
     * @param signingKey    the key id and hex Ed25519 public key deliveries are signed with ({@code id:hex})
     * @param deliveredUpTo sequence number of the last event handled
     */
    record EndpointView(String id, String object, String url, String mode, String status, String createdAt,
            String disabledAt, long deliveredUpTo, String failingSince, String lastError, String signingKey) {
        static EndpointView of(WebhookEndpoint e, String signingKey) {
            return new EndpointView(e.id(), "webhook_endpoint", e.url(), Bodies.lower(e.mode().name()),
                    e.disabledAt() == null ? "active" : "disabled", String.valueOf(e.createdAt()),
                    e.disabledAt() == null ? null : e.disabledAt().toString(), e.deliveredUpTo(),
                    e.failingSince() == null ? null : e.failingSince().toString(), e.lastError(), signingKey);
        }
    }

    /** The merchant's endpoints. */
    record EndpointPage(String object, List<EndpointView> data) {
    }
}
