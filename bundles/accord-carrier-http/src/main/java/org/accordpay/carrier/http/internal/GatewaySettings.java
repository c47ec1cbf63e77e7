package org.accordpay.carrier.http.internal;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * The checked values of one {@link HttpGatewayConfiguration}.
 *
 * @param id                        carrier id
 * @param url                       gateway URL (https, or http on a loopback host)
 * @param format                    body format of outgoing requests
 * @param auth                      credentials presented to the gateway
 * @param username                  basic user name
 * @param password                  basic password
 * @param token                     bearer token
 * @param inboundToken              secret expected on callbacks; empty refuses them all
 * @param sender                    value of field {@code from}, or empty
 * @param timeout                   connect and answer timeout
 * @param maxInFlight               most requests waiting for the gateway
 * @param failuresBeforeUnavailable consecutive connection failures that make the connection unavailable
 * @param probeAfter                time after the last failure when one send may probe again
 * @param test                      published as {@code accord.carrier.test}
 * @param receipts                  published as {@code accord.carrier.receipts}
 * @param receiptMemory             gateway ids remembered for reports
 * @param inboundQueue              events kept while Accord is away
 */
record GatewaySettings(String id, URI url, Format format, Auth auth, String username, String password, String token,
        String inboundToken, String sender, Duration timeout, int maxInFlight, int failuresBeforeUnavailable,
        Duration probeAfter, boolean test, boolean receipts, int receiptMemory, int inboundQueue) {

    /** Body format of outgoing requests. */
    enum Format { JSON, FORM }

    /** Credentials presented to the gateway. */
    enum Auth { BEARER, BASIC, NONE }

    /** Checks the values an operator may get wrong. */
    GatewaySettings {
        require(id != null && !id.isBlank() && id.matches("[A-Za-z0-9._-]+"),
                "id is required: letters, digits, '.', '_' and '-' (it is a URL path segment)");
        require(url != null && url.getHost() != null, "url is required: https://host/path");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        require(scheme.equals("https") || scheme.equals("http") && loopback(url.getHost()),
                "url must be https (http only on a loopback host), not " + url);
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        token = token == null ? "" : token;
        inboundToken = inboundToken == null ? "" : inboundToken;
        sender = sender == null ? "" : sender;
        require(auth != Auth.BEARER || !token.isEmpty(), "auth=bearer needs .token");
        require(auth != Auth.BASIC || !username.isEmpty(), "auth=basic needs username (and .password)");
        require(!timeout.isNegative() && !timeout.isZero(), "timeout.ms must be positive");
        require(maxInFlight > 0, "max.in.flight must be positive");
        require(failuresBeforeUnavailable > 0, "failures.before.unavailable must be positive");
        require(!probeAfter.isNegative(), "probe.after.ms must not be negative");
        require(receiptMemory > 0 && inboundQueue > 0, "receipt.memory and inbound.queue must be positive");
    }

    static GatewaySettings of(HttpGatewayConfiguration c) {
        return new GatewaySettings(c.id(), uri(c.url()), choice(Format.class, "format", c.format()),
                choice(Auth.class, "auth", c.auth()), c.username(), c._password(), c._token(), c._inbound_token(),
                c.sender(), Duration.ofMillis(c.timeout_ms()), c.max_in_flight(), c.failures_before_unavailable(),
                Duration.ofMillis(c.probe_after_ms()), c.test(), c.receipts(), c.receipt_memory(), c.inbound_queue());
    }

    /** Never shows the secrets. */
    @Override
    public String toString() {
        return "GatewaySettings[id=" + id + ", url=" + url + ", format=" + format + ", auth=" + auth + ", username="
                + username + ", timeout=" + timeout + ", maxInFlight=" + maxInFlight + ", test=" + test + ", receipts="
                + receipts + "]";
    }

    private static URI uri(String url) {
        require(url != null && !url.isBlank(), "url is required");
        try {
            return URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("url is not a URL: " + url, e);
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String name, String value) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " must be one of " + Set.of(type.getEnumConstants()).toString()
                    .toLowerCase(Locale.ROOT) + ", not " + value, e);
        }
    }

    /** @return true for localhost and literal loopback addresses (no name is resolved) */
    static boolean loopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+") && !host.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (Exception e) {
            return false;
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("org.accordpay.carrier.http: " + message);
        }
    }
}
