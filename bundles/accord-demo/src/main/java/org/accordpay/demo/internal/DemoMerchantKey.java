package org.accordpay.demo.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HexFormat;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.registry.MerchantKeys;
import org.accordpay.api.registry.dto.MerchantKey;
import org.accordpay.crypto.Ed25519;
import org.accordpay.crypto.RawKeyPair;

/**
 * The demo merchant's test-mode API credentials: an Ed25519 key registered in test mode, its
 * private key written as PEM (PKCS#8, mode 0600) for {@code tools/accord-curl.sh}, and an env file
 * naming the key id. Only when the merchant has no active test key yet.
 */
final class DemoMerchantKey {

    /** DER prefix of a PKCS#8 Ed25519 private key; the 32-byte seed follows. */
    private static final String PKCS8_ED25519_PREFIX = "302e020100300506032b657004220420";

    private DemoMerchantKey() {
    }

    /** @return the key id, new or already registered */
    static String ensure(MerchantKeys keys, String merchantId, Path etc) throws IOException {
        for (MerchantKey k : keys.active(merchantId)) {
            if (k.mode() == Mode.TEST && Files.exists(etc.resolve("demo-merchant-key.pem"))) {
                return k.keyId();
            }
        }
        try (RawKeyPair pair = Ed25519.generate()) {
            MerchantKey key = keys.register(merchantId, Mode.TEST, pair.publicKey(), "demo-data");
            byte[] der = pair.privateKey().apply(seed -> {
                byte[] prefix = HexFormat.of().parseHex(PKCS8_ED25519_PREFIX);
                byte[] out = new byte[prefix.length + seed.length];
                System.arraycopy(prefix, 0, out, 0, prefix.length);
                System.arraycopy(seed, 0, out, prefix.length, seed.length);
                return out;
            });
            String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getEncoder().encodeToString(der)
                    + "\n-----END PRIVATE KEY-----\n";
            java.util.Arrays.fill(der, (byte) 0);
            writePrivate(etc.resolve("demo-merchant-key.pem"), pem);
            writePrivate(etc.resolve("demo-merchant.env"), "# source this file, then use tools/accord-curl.sh\n"
                    + "ACCORD_KEY_ID=" + key.keyId() + "\nACCORD_KEY=" + etc.resolve("demo-merchant-key.pem") + "\n"
                    + "export ACCORD_KEY_ID ACCORD_KEY\n");
            return key.keyId();
        }
    }

    private static void writePrivate(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content);
    }
}
