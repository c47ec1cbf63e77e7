package org.accordpay.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public servers' certificate: generated once, kept private, a configured password wins. */
class ServerCertificateTest {

    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

    @TempDir
    Path etc;

    @Test
    void generatesASelfSignedCertificateOnceAndKeepsItAndItsPasswordPrivate() throws Exception {
        Path keystore = etc.resolve("server.p12");
        String password = ServerCertificate.password(keystore, "", NOW);
        X509Certificate cert = ServerCertificate.read(keystore, password);
        assertThat(cert.getSubjectX500Principal().getName()).contains("CN=localhost");
        assertThat(cert.getNotAfter().toInstant()).isAfter(NOW.plusSeconds(3650L * 86400 - 86400));
        for (Path file : new Path[] {keystore, ServerCertificate.passwordFile(keystore)}) {
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
        assertThat(ServerCertificate.password(keystore, null, NOW.plusSeconds(60))).isEqualTo(password);
        assertThat(ServerCertificate.read(keystore, password)).isEqualTo(cert);
    }

    @Test
    void aConfiguredPasswordIsUsedAndNothingIsGenerated() throws Exception {
        Path keystore = etc.resolve("configured.p12");
        assertThat(ServerCertificate.password(keystore, "s3cret", NOW)).isEqualTo("s3cret");
        assertThat(keystore).doesNotExist();
    }

    @Test
    void plainHttpOnlyOnLoopback() {
        assertThat(ServerCertificate.loopback("127.0.0.1")).isTrue();
        assertThat(ServerCertificate.loopback("localhost")).isTrue();
        assertThat(ServerCertificate.loopback("::1")).isTrue();
        assertThat(ServerCertificate.loopback("0.0.0.0")).isFalse();
        assertThat(ServerCertificate.loopback("10.1.2.3")).isFalse();
        assertThat(ServerCertificate.loopback("localhost.evil.example")).isFalse();
    }
}
