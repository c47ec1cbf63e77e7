package org.accordpay.itests.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The merchant API as a merchant's server calls it: requests signed as docs/merchant-api.md says, and an HTTP
 * client that trusts Accord's generated self-signed certificate.
 */
public final class SignedApi {

    private SignedApi() {
    }

    /**
     * Signs a request: Ed25519 over {@code METHOD\npath-with-query\ntimestamp\nhex(sha256(body))}.
     *
     * @param base           the API's base URL
     * @param timestamp      the Accord-Timestamp (RFC 3339)
     * @param idempotencyKey the Idempotency-Key, or null
     */
    public static HttpRequest signed(String base, String keyId, PrivateKey key, String method, String path,
            String body, String idempotencyKey, String timestamp) throws GeneralSecurityException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(key);
        signer.update((method + "\n" + path + "\n" + timestamp + "\n" + digest).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accord-Key-Id", keyId).header("Accord-Timestamp", timestamp)
                .header("Accord-Signature", Base64.getEncoder().encodeToString(signer.sign()));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        if ("GET".equals(method)) {
            b.GET();
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
        }
        return b.build();
    }

    /**
     * A client that trusts the certificate of a generated keystore (waits up to 60 s for it to appear).
     *
     * @param keystore e.g. {@code etc/accord-rest.p12}; its password is in {@code <keystore>.password}
     * @param alias    the certificate's alias
     */
    public static HttpClient trusting(Path keystore, String alias) throws IOException, GeneralSecurityException,
            InterruptedException {
        Path passwordFile = keystore.resolveSibling(keystore.getFileName() + ".password");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        KeyStore server = KeyStore.getInstance("PKCS12");
        while (true) {
            // the keystore is written after its password file: retried until both are whole
            try (InputStream in = Files.newInputStream(keystore)) {
                server.load(in, Files.readString(passwordFile).strip().toCharArray());
                break;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(100);
            }
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry(alias, server.getCertificate(alias));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** @return the Ed25519 private key of a PKCS#8 PEM file (the demo merchant's {@code etc/demo-merchant-key.pem}) */
    public static PrivateKey ed25519(Path pem) throws IOException, GeneralSecurityException {
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(
                Base64.getDecoder().decode(base64)));
    }
}
