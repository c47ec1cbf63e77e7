package org.accordpay.rest.internal;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.accordpay.api.registry.MerchantKeys;
import org.accordpay.api.registry.dto.MerchantKey;
import org.accordpay.api.store.AccordStore;
import org.accordpay.api.store.StoreException;
import org.accordpay.api.time.AccordClock;

/**
 * Authenticates every request but the public ones: the {@code Accord-Signature} must verify under
 * the active key {@code Accord-Key-Id}, the {@code Accord-Timestamp} be within the tolerance of
 * Accord's clock, and the signature not have been seen before (remembered in the database, so a
 * replay is refused across restarts too).
 */
@Priority(Priorities.AUTHENTICATION)
final class MerchantAuthentication implements ContainerRequestFilter {

    static final String KEY_ID = "Accord-Key-Id";
    static final String TIMESTAMP = "Accord-Timestamp";
    static final String SIGNATURE = "Accord-Signature";

    /** Paths anyone may read. */
    static final Set<String> PUBLIC = Set.of("/v1/health", "/v1/openapi.json");

    /** @return true for the paths anyone may call: {@link #PUBLIC}, the hosted checkout's and the handsets' */
    static boolean isPublic(String rawPath) {
        return PUBLIC.contains(rawPath) || CheckoutResource.isCheckout(rawPath)
                || HandsetAnswersResource.PATH.equals(rawPath);
    }

    /** @return true unless the path is public or authenticated otherwise (carrier callbacks, courier reports) */
    static boolean signed(String rawPath) {
        return !isPublic(rawPath) && !CarrierCallbacksResource.isCallback(rawPath)
                && !CourierDeliveriesResource.isDelivery(rawPath);
    }

    /** The raw request line as the merchant sent it (Jersey's URI is re-encoded). */
    @jakarta.ws.rs.core.Context
    private jakarta.servlet.http.HttpServletRequest servletRequest;

    private final MerchantKeys keys;
    private final AccordStore store;
    private final AccordClock clock;
    private final Duration tolerance;
    private final int maxBody;

    MerchantAuthentication(MerchantKeys keys, AccordStore store, AccordClock clock, Duration tolerance, int maxBody) {
        this.keys = keys;
        this.store = store;
        this.clock = clock;
        this.tolerance = tolerance;
        this.maxBody = maxBody;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        URI uri = request.getUriInfo().getRequestUri();
        String path = uri.getRawPath();
        if (!signed(path)) {
            return; // public, or authenticated by the carrier's connector or the courier's token
        }
        String keyId = request.getHeaderString(KEY_ID);
        String timestamp = request.getHeaderString(TIMESTAMP);
        String signature = request.getHeaderString(SIGNATURE);
        if (keyId == null || timestamp == null || signature == null) {
            throw ApiProblem.unauthorized("unauthenticated", "sign the request: " + KEY_ID + ", " + TIMESTAMP
                    + " and " + SIGNATURE + " are required");
        }
        byte[] body = readBody(request);
        String bodyHash = Hashes.sha256Hex(body);
        Instant at = RequestSignature.parseTimestamp(timestamp);
        if (at == null) {
            throw ApiProblem.unauthorized("bad-timestamp", TIMESTAMP + " must be RFC 3339 or epoch seconds");
        }
        Instant now = clock.now();
        if (!RequestSignature.fresh(at, now, tolerance)) {
            throw ApiProblem.unauthorized("stale-timestamp", TIMESTAMP + " is more than " + tolerance.toSeconds()
                    + " s away from Accord's clock (" + now + ")");
        }
        MerchantKey key = keys.find(keyId.strip()).orElse(null);
        if (key == null || !key.active()) {
            throw ApiProblem.unauthorized("unknown-key", "no active key " + keyId);
        }
        String rawPath = servletRequest == null ? path : servletRequest.getRequestURI();
        String rawQuery = servletRequest == null ? uri.getRawQuery() : servletRequest.getQueryString();
        String pathWithQuery = rawPath + (rawQuery == null ? "" : "?" + rawQuery);
        byte[] signed = RequestSignature.canonical(request.getMethod(), pathWithQuery, timestamp, bodyHash);
        if (!RequestSignature.verify(key.publicKey(), signed, signature)) {
            throw ApiProblem.unauthorized("bad-signature", "the signature does not verify: sign METHOD\\npath-with-query"
                    + "\\ntimestamp\\nhex(sha256(body)) with the key " + keyId);
        }
        String digest = Hashes.sha256Hex(Base64.getDecoder().decode(signature.strip()));
        if ("POST".equals(request.getMethod())) {
            // remembered with the idempotency claim, in its transaction (IdempotencyKeys): one commit less
            request.setProperty(SIGNATURE_DIGEST, digest);
        } else if (!remember(store, digest, key.keyId(), now)) {
            throw replayed();
        }
        Caller caller = new Caller(key.merchantId(), key.keyId(), key.mode(), bodyHash);
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(securityContext(caller, secure));
    }

    /** The request property holding a POST's signature digest, for {@link IdempotencyKeys} to remember. */
    static final String SIGNATURE_DIGEST = MerchantAuthentication.class.getName() + ".digest";

    /** @return true when the signature was not seen before (now it is) */
    static boolean remember(AccordStore store, String digest, String keyId, Instant now) {
        try {
            return store.transact(tx -> tx.apiRequests().rememberSignature(digest, keyId, now));
        } catch (StoreException e) {
            return false; // a concurrent request with the same signature remembered it first
        }
    }

    static ApiProblem replayed() {
        return ApiProblem.unauthorized("replayed-request", "this signature was already used: sign each request anew");
    }

    private byte[] readBody(ContainerRequestContext request) throws IOException {
        if (!request.hasEntity()) {
            return new byte[0];
        }
        InputStream in = request.getEntityStream();
        byte[] body = in.readNBytes(maxBody + 1);
        if (body.length > maxBody) {
            throw ProblemMapper.tooLarge();
        }
        request.setEntityStream(new ByteArrayInputStream(body));
        return body;
    }

    /** @return the authenticated caller of a resource method */
    static Caller caller(SecurityContext security) {
        if (security != null && security.getUserPrincipal() instanceof Caller c) {
            return c;
        }
        throw ApiProblem.unauthorized("unauthenticated", "the request is not signed");
    }

    /** @return the security context that names {@code caller} as the request's principal */
    static SecurityContext securityContext(Caller caller, boolean secure) {
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return caller;
            }

            @Override
            public boolean isUserInRole(String role) {
                return false;
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return "Accord-Ed25519";
            }
        };
    }
}
