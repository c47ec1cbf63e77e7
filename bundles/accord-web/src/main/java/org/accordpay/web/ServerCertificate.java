package org.accordpay.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A public server's TLS identity: a configured PKCS#12 keystore, or for the embedded default a self-signed
 * P-256 certificate for localhost and 127.0.0.1, generated once into a PKCS#12 keystore whose random password
 * is kept next to it (both mode 0600). Plain HTTP is for loopback addresses only ({@link #loopback}).
 */
public final class ServerCertificate {

    /** Alias of the key entry in a generated keystore. */
    public static final String ALIAS = "accord-rest";

    private ServerCertificate() {
    }

    /** @return the password file of a generated keystore */
    public static Path passwordFile(Path keystore) {
        return keystore.resolveSibling(keystore.getFileName() + ".password");
    }

    /**
     * The password of a server's keystore: the configured one, or else that of the self-signed keystore,
     * generated at {@code keystore} unless it exists.
     *
     * @param keystore   the PKCS#12 keystore
     * @param configured the configured password, or null/empty for a generated keystore
     * @param now        the generated certificate is valid from a day before this, for ten years
     * @return the password to open {@code keystore} with
     * @throws IOException              when the keystore or its password file cannot be read or written
     * @throws GeneralSecurityException when the certificate cannot be made
     */
    public static String password(Path keystore, String configured, Instant now)
            throws IOException, GeneralSecurityException {
        if (configured != null && !configured.isEmpty()) {
            return configured;
        }
        try {
            return ensure(keystore, now);
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign the self-signed certificate", e);
        }
    }

    /**
     * Generates the keystore unless it exists.
     *
     * @return the keystore password
     */
    static String ensure(Path keystore, Instant now) throws IOException, GeneralSecurityException,
            org.bouncycastle.operator.OperatorCreationException {
        Path passwordFile = passwordFile(keystore);
        if (Files.exists(keystore)) {
            return Files.readString(passwordFile, StandardCharsets.US_ASCII).strip();
        }
        SecureRandom random = new SecureRandom();
        byte[] pw = new byte[24];
        random.nextBytes(pw);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(pw);
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new ECGenParameterSpec("secp256r1"), random);
        KeyPair pair = gen.generateKeyPair();
        X500Name name = new X500Name("CN=localhost, O=Accord (self-signed)");
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, random),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), name,
                pair.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(ALIAS, pair.getPrivate(), password.toCharArray(), new X509Certificate[] {cert});
        Files.createDirectories(keystore.toAbsolutePath().getParent());
        writePrivate(passwordFile, password.getBytes(StandardCharsets.US_ASCII));
        try (OutputStream out = Files.newOutputStream(keystore, StandardOpenOption.CREATE_NEW)) {
            ks.store(out, password.toCharArray());
        }
        restrict(keystore);
        return password;
    }

    /** @return the certificate in a generated keystore (tests trust it) */
    public static X509Certificate read(Path keystore, String password) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, password.toCharArray());
        }
        return (X509Certificate) ks.getCertificate(ALIAS);
    }

    /**
     * @param host the address a server binds
     * @return true when {@code host} is a loopback address, the only place where plain HTTP is allowed
     */
    public static boolean loopback(String host) {
        if (Set.of("localhost", "127.0.0.1", "::1", "[::1]").contains(host)) {
            return true;
        }
        try {
            return host != null && host.matches("[0-9.:\\[\\]]+") && InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    private static void writePrivate(Path file, byte[] content) throws IOException {
        Files.write(file, content, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        restrict(file);
    }

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the directory's permissions protect it
        }
    }
}
