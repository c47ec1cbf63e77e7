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
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.store.AccordStore;
import org.accordpay.api.store.StoreException;
import org.accordpay.api.store.StoreTransaction;
import org.accordpay.api.store.dto.ReturnUrlRecord;
import org.accordpay.api.time.AccordClock;

/**
 * /v1/return-urls: the URLs a merchant may send its buyers back to, registered beforehand in the
 * key's mode; a purchase's {@code return_url} must be one of them exactly ({@link #requireRegistered}).
 * Each change is an audit entry.
 */
@Path("/v1/return-urls")
@Produces(MediaType.APPLICATION_JSON)
public final class ReturnUrlsResource {

    /** At most this many return URLs per merchant and mode. */
    static final int MAX_PER_MODE = 100;

    private final AccordStore store;
    private final AccordClock clock;
    private final SecureRandom random = new SecureRandom();

    ReturnUrlsResource(AccordStore store, AccordClock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Registers a URL (https; http too in test mode): 201, or 200 with the registration when already there. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Context SecurityContext security, CreateBody body) {
        Caller caller = MerchantAuthentication.caller(security);
        if (body == null || body.url() == null || body.url().isBlank()) {
            throw ApiProblem.invalid("url", "the return URL is required");
        }
        String url = body.url();
        PurchaseRequests.checkReturnUrl(url, caller.mode(), "url");
        Instant now = clock.now();
        byte[] id = new byte[10];
        random.nextBytes(id);
        ReturnUrlRecord fresh = new ReturnUrlRecord("rurl_" + HexFormat.of().formatHex(id), caller.merchantId(),
                caller.mode(), url, now);
        ReturnUrlRecord[] existing = new ReturnUrlRecord[1];
        try {
            register(caller, fresh, existing);
        } catch (StoreException e) {
            // the same URL registered concurrently: answer that registration
            existing[0] = store.transact(tx -> tx.returnUrls().find(caller.merchantId(), caller.mode(), url))
                    .orElseThrow(() -> e);
        }
        return existing[0] != null ? Response.ok(View.of(existing[0])).build()
                : Response.status(201).entity(View.of(fresh)).build();
    }

    private void register(Caller caller, ReturnUrlRecord fresh, ReturnUrlRecord[] existing) {
        String url = fresh.url();
        store.transact(tx -> {
            existing[0] = tx.returnUrls().find(caller.merchantId(), caller.mode(), url).orElse(null);
            if (existing[0] != null) {
                return null;
            }
            if (tx.returnUrls().forMerchant(caller.merchantId(), caller.mode()).size() >= MAX_PER_MODE) {
                throw new ApiProblem(422, "too-many-return-urls", "Too many return URLs", "at most " + MAX_PER_MODE
                        + " return URLs per mode: delete one first", "url");
            }
            tx.returnUrls().insert(fresh);
            audit(tx, "return-url.registered", fresh, caller);
            return null;
        });
    }

    /** The merchant's return URLs of the key's mode, oldest first. */
    @GET
    public Page list(@Context SecurityContext security) {
        Caller caller = MerchantAuthentication.caller(security);
        return new Page("list", store.transact(tx -> tx.returnUrls().forMerchant(caller.merchantId(), caller.mode()))
                .stream().map(View::of).toList());
    }

    /** Removes a return URL: purchases created from now on may no longer use it. 204. */
    @DELETE
    @Path("{id}")
    public Response delete(@Context SecurityContext security, @PathParam("id") String id) {
        Caller caller = MerchantAuthentication.caller(security);
        boolean removed = store.transact(tx -> {
            ReturnUrlRecord r = tx.returnUrls().forMerchant(caller.merchantId(), caller.mode()).stream()
                    .filter(x -> x.id().equals(id)).findFirst().orElse(null);
            if (r == null) {
                return false;
            }
            tx.returnUrls().delete(id);
            audit(tx, "return-url.deleted", r, caller);
            return true;
        });
        if (!removed) {
            throw new ApiProblem(404, "unknown-return-url", "No such return URL", "no return URL " + id, null);
        }
        return Response.noContent().build();
    }

    /** Refuses (422, field {@code return_url}) a purchase's return URL the merchant has not registered in this mode. */
    static void requireRegistered(AccordStore store, String merchantId, Mode mode, String url) {
        if (url != null && store.transact(tx -> tx.returnUrls().find(merchantId, mode, url)).isEmpty()) {
            throw new ApiProblem(422, "unregistered-return-url", "Return URL not registered",
                    "register the return URL first (POST /v1/return-urls, in the key's mode); it must match exactly",
                    "return_url");
        }
    }

    private static void audit(StoreTransaction tx, String type, ReturnUrlRecord r, Caller caller) {
        tx.audit().append(type, null, (type + "|" + r.id() + "|" + r.merchantId() + "|" + r.mode() + "|" + r.url()
                + "|merchant-api:" + caller.keyId()).getBytes(StandardCharsets.UTF_8));
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
