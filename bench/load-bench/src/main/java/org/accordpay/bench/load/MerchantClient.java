package org.accordpay.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * One merchant's signed calls to the merchant API (docs/merchant-api.md): Ed25519 over
 * {@code METHOD\npath\ntimestamp\nhex(sha256(body))}, RFC 3339 timestamps with microseconds so that
 * concurrent identical requests never share a signature, an Idempotency-Key on every POST.
 */
final class MerchantClient {

    /** One answer: status and body. */
    record Answer(int status, String body) {
    }

    private final URI base;
    private final KeyPair keys;
    private final HttpClient http;
    private volatile String keyId;
    private final AtomicLong tick = new AtomicLong();

    MerchantClient(URI base) throws Exception {
        this.base = base;
        this.keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        // the distribution's self-signed certificate (localhost, 127.0.0.1): trusted blindly, loopback only
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, new SecureRandom());
        this.http = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** @return the raw 32-byte public key, base64, for {@code accord:merchant-key-add} */
    String publicKeyBase64() {
        byte[] encoded = keys.getPublic().getEncoded();
        byte[] raw = new byte[32];
        System.arraycopy(encoded, encoded.length - 32, raw, 0, 32);
        return Base64.getEncoder().encodeToString(raw);
    }

    void keyId(String id) {
        this.keyId = id;
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send("GET", path, "");
    }

    Answer post(String path, String json) throws IOException, InterruptedException {
        return send("POST", path, json);
    }

    private Answer send(String method, String path, String body) throws IOException, InterruptedException {
        // microseconds plus a per-client counter in the nanos: never two equal timestamps from this client
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS).plusNanos(tick.incrementAndGet() % 1000);
        String timestamp = now.toString();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String canonical = method + "\n" + path + "\n" + timestamp + "\n" + HexFormat.of().formatHex(sha256(bytes));
        String signature;
        try {
            Signature ed = Signature.getInstance("Ed25519");
            ed.initSign(keys.getPrivate());
            ed.update(canonical.getBytes(StandardCharsets.UTF_8));
            signature = Base64.getEncoder().encodeToString(ed.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Accord-Key-Id", keyId).header("Accord-Timestamp", timestamp)
                .header("Accord-Signature", signature);
        if ("POST".equals(method)) {
            request.header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        } else {
            request.GET();
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the value of the first {@code "name":"value"} in a flat JSON text, or null */
    static String field(String json, String name) {
        String marker = "\"" + name + "\":\"";
        int at = json.indexOf(marker);
        if (at < 0) {
            return null;
        }
        int start = at + marker.length();
        int end = json.indexOf('"', start);
        return end < 0 ? null : json.substring(start, end);
    }
}
