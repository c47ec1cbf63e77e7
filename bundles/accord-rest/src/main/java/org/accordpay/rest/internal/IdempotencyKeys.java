package org.accordpay.rest.internal;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Instant;
import org.accordpay.api.store.AccordStore;
import org.accordpay.api.store.StoreException;
import org.accordpay.api.store.dto.IdempotencyRecord;
import org.accordpay.api.time.AccordClock;

/**
 * {@code Idempotency-Key} on every POST: the first request claims the key (a database row, so two
 * concurrent duplicates cannot both run), its answer is stored, and a retry with the same key and
 * the same request gets the stored answer again. Same key, different request: 422. Answers worth
 * retrying (5xx, 429; and the merchant-proof answers, 428 and refused proofs: the same request again with
 * a proof) are not stored: the key is released.
 */
@Priority(Priorities.USER)
final class IdempotencyKeys implements ContainerRequestFilter, ContainerResponseFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final String CLAIMED = IdempotencyKeys.class.getName() + ".claimed";
    /** Returned by the claim's transaction when the request's signature was seen before. */
    private static final IdempotencyRecord REPLAY = new IdempotencyRecord("", "", "", 0, null, Instant.EPOCH);

    private final AccordStore store;
    private final AccordClock clock;

    IdempotencyKeys(AccordStore store, AccordClock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!"POST".equals(request.getMethod())) {
            return;
        }
        if (!MerchantAuthentication.signed(request.getUriInfo().getRequestUri().getRawPath())) {
            return; // a carrier's or courier's callback, the checkout page, a handset: no merchant, no key
        }
        Caller caller = MerchantAuthentication.caller(request.getSecurityContext());
        String digest = (String) request.getProperty(MerchantAuthentication.SIGNATURE_DIGEST);
        String key = request.getHeaderString(HEADER);
        if (key == null || key.isBlank() || key.length() > 128 || !key.matches("[\\x21-\\x7e]+")) {
            if (digest != null && !MerchantAuthentication.remember(store, digest, caller.keyId(), clock.now())) {
                throw MerchantAuthentication.replayed();
            }
            throw new ApiProblem(400, "idempotency-key-required", "Idempotency key required",
                    HEADER + " is required on every POST: 1 to 128 visible ASCII characters", HEADER);
        }
        String requestHash = Hashes.sha256Hex((request.getMethod() + "\n" + request.getUriInfo().getRequestUri()
                .getRawPath() + "\n" + caller.bodySha256()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Instant now = clock.now();
        IdempotencyRecord seen;
        try {
            // the signature (replay protection) and the key are claimed in one transaction
            seen = store.transact(tx -> {
                if (digest != null && !tx.apiRequests().rememberSignature(digest, caller.keyId(), now)) {
                    return REPLAY;
                }
                IdempotencyRecord r = tx.apiRequests().findIdempotency(caller.merchantId(), key).orElse(null);
                if (r == null) {
                    tx.apiRequests().claimIdempotency(new IdempotencyRecord(caller.merchantId(), key, requestHash, 0,
                            null, now));
                }
                return r;
            });
        } catch (StoreException e) {
            // a concurrent duplicate: of the signature (a replay) or of the key (a retry still running)
            if (digest != null && !MerchantAuthentication.remember(store, digest, caller.keyId(), now)) {
                throw MerchantAuthentication.replayed();
            }
            throw inProgress();
        }
        if (seen == REPLAY) {
            throw MerchantAuthentication.replayed();
        }
        if (seen == null) {
            request.setProperty(CLAIMED, new Claim(caller.merchantId(), key));
            return;
        }
        if (!seen.requestHash().equals(requestHash)) {
            throw new ApiProblem(422, "idempotency-key-reused", "Idempotency key reused",
                    "this " + HEADER + " was used for a different request; use a new key for a new request", HEADER);
        }
        if (!seen.completed()) {
            throw inProgress();
        }
        request.abortWith(Response.status(seen.status())
                .type(seen.status() >= 400 ? ProblemMapper.PROBLEM_JSON : "application/json")
                .header(REPLAYED, "true").entity(seen.body()).build());
    }

    private static ApiProblem inProgress() {
        return new ApiProblem(409, "idempotency-key-in-use", "Request in progress",
                "a request with this " + HEADER + " is still running; retry later", HEADER);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        if (!(request.getProperty(CLAIMED) instanceof Claim claim)) {
            return;
        }
        request.removeProperty(CLAIMED);
        int status = response.getStatus();
        if (status >= 500 || status == 429 || MerchantProofs.aboutTheProof(status, response.getEntity())) {
            store.transact(tx -> {
                tx.apiRequests().releaseIdempotency(claim.merchantId(), claim.key());
                return null;
            });
            return;
        }
        Object entity = response.getEntity();
        String body = entity == null ? null : entity instanceof String s ? s : Json.MAPPER.writeValueAsString(entity);
        store.transact(tx -> {
            tx.apiRequests().completeIdempotency(claim.merchantId(), claim.key(), status, body);
            return null;
        });
    }

    private record Claim(String merchantId, String key) {
    }
}
