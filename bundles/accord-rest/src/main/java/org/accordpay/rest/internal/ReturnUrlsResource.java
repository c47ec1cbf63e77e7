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
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.registry.RegistryException;
import org.accordpay.api.registry.ReturnUrls;
import org.accordpay.api.store.dto.ReturnUrlRecord;

/**
 * /v1/return-urls: the URLs a merchant may send its buyers back to, registered beforehand in the
 * key's mode ({@link ReturnUrls}, the same rules as the merchant console); a purchase's
 * {@code return_url} must be one of them exactly ({@link #requireRegistered}).
 */
@Path("/v1/return-urls")
@Produces(MediaType.APPLICATION_JSON)
public final class ReturnUrlsResource {

    private final ReturnUrls returnUrls;

    ReturnUrlsResource(ReturnUrls returnUrls) {
        this.returnUrls = returnUrls;
    }

    /** Registers a URL (https; http too in test mode): 201, or 200 with the registration when already there. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Context SecurityContext security, CreateBody body) {
        Caller caller = MerchantAuthentication.caller(security);
        if (body == null || body.url() == null || body.url().isBlank()) {
            throw ApiProblem.invalid("url", "the return URL is required");
        }
        ReturnUrls.Registration r;
        try {
            r = returnUrls.register(caller.merchantId(), caller.mode(), body.url(), actor(caller));
        } catch (RegistryException e) {
            if (RegistryException.LIMIT_REACHED.equals(e.code())) {
                throw new ApiProblem(422, "too-many-return-urls", "Too many return URLs", e.getMessage(), "url");
            }
            throw ApiProblem.invalid("url", e.getMessage());
        }
        return r.created() ? Response.status(201).entity(View.of(r.url())).build()
                : Response.ok(View.of(r.url())).build();
    }

    /** The merchant's return URLs of the key's mode, oldest first. */
    @GET
    public Page list(@Context SecurityContext security) {
        Caller caller = MerchantAuthentication.caller(security);
        return new Page("list", returnUrls.list(caller.merchantId(), caller.mode()).stream().map(View::of).toList());
    }

    /** Removes a return URL: purchases created from now on may no longer use it. 204. */
    @DELETE
    @Path("{id}")
    public Response delete(@Context SecurityContext security, @PathParam("id") String id) {
        Caller caller = MerchantAuthentication.caller(security);
        if (!returnUrls.remove(caller.merchantId(), caller.mode(), id, actor(caller))) {
            throw new ApiProblem(404, "unknown-return-url", "No such return URL", "no return URL " + id, null);
        }
        return Response.noContent().build();
    }

    /** Refuses (422, field {@code return_url}) a purchase's return URL the merchant has not registered in this mode. */
    static void requireRegistered(ReturnUrls returnUrls, String merchantId, Mode mode, String url) {
        if (url != null && !returnUrls.registered(merchantId, mode, url)) {
            throw new ApiProblem(422, "unregistered-return-url", "Return URL not registered",
                    "register the return URL first (POST /v1/return-urls, in the key's mode); it must match exactly",
                    "return_url");
        }
    }

    private static String actor(Caller caller) {
        return "merchant-api:" + caller.keyId();
    }

    /** POST /v1/return-urls. */
    record CreateBody(String url) {
    }

    /** A registered return URL as answered. */
    record View(String id, String object, String url, String mode, String createdAt) {
        static View of(ReturnUrlRecord r) {
            return new View(r.id(), "return_url", r.url(), Bodies.lower(r.mode().name()), String.valueOf(r.createdAt()));
        }
    }

    /** The merchant's return URLs. */
    record Page(String object, List<View> data) {
    }
}
