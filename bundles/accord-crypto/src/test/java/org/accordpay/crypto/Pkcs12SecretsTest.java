package org.accordpay.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Pkcs12SecretsTest {

    @TempDir
    Path dir;

    @Test
    void storesAndLoadsNamedSecretsWithAPasswordFile() throws Exception {
        Path keystore = dir.resolve("etc/keys.p12");
        char[] password = Pkcs12Secrets.password(keystore, new char[0]);
        Path passwordFile = dir.resolve("etc/keys.p12.password");
        assertThat(passwordFile).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
        assertThat(Pkcs12Secrets.password(keystore, new char[0])).isEqualTo(password);
        assertThat(Pkcs12Secrets.password(keystore, "given".toCharArray())).isEqualTo("given".toCharArray());

        Map<String, byte[]> secrets = new TreeMap<>();
        secrets.put("a", Randomness.bytes(32));
        secrets.put("b", Randomness.bytes(32));
        Pkcs12Secrets.store(keystore, password, secrets);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore))).isEqualTo("rw-------");
        assertThat(keystore.resolveSibling("keys.p12.new")).doesNotExist();

        Map<String, byte[]> loaded = Pkcs12Secrets.load(keystore, password);
        assertThat(loaded).containsOnlyKeys("a", "b");
        assertThat(Pkcs12Secrets.secret(loaded, "a")).isEqualTo(secrets.get("a"));
        assertThatThrownBy(() -> Pkcs12Secrets.secret(loaded, "c")).isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> Pkcs12Secrets.load(keystore, "wrong".toCharArray())).isInstanceOf(Exception.class);
    }
}
