package org.accordpay.rest.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;
import org.accordpay.web.TokenBuckets;

/**
 * What the endpoints that are not merchant-signed share: the hosted checkout's public base URL, the
 * couriers' bearer tokens (as SHA-256), their rate limits and the worker that runs the submissions
 * whose duration must not tell anything (phone numbers, handset answers).
 *
 * @param publicBaseUrl       e.g. {@code https://pay.example}: checkout URLs are {@code <base>/checkout/<token>}
 * @param courierTokenSha256  courier id to the SHA-256 of its bearer token
 * @param perAddress          checkout submissions per client address
 * @param perNumber           checkout submissions per phone number
 * @param handsetPerAddress   handset answers per client address
 * @param worker              runs the submissions after the answer is given
 */
record PublicEndpoints(String publicBaseUrl, Map<String, byte[]> courierTokenSha256, TokenBuckets perAddress,
        TokenBuckets perNumber, TokenBuckets handsetPerAddress, Executor worker) {

    /** Default limits: 10 submissions per minute per address, 5 per 15 minutes per number, 30 answers per minute. */
    static PublicEndpoints of(String publicBaseUrl, Map<String, byte[]> courierTokenSha256, Executor worker) {
        return new PublicEndpoints(publicBaseUrl.replaceAll("/+$", ""), Map.copyOf(courierTokenSha256),
                new TokenBuckets(10, Duration.ofMinutes(1)), new TokenBuckets(5, Duration.ofMinutes(15)),
                new TokenBuckets(30, Duration.ofMinutes(1)), worker);
    }

    /** @return the hosted payment page of a checkout token */
    String checkoutUrl(String token) {
        return publicBaseUrl + "/checkout/" + token;
    }
}
