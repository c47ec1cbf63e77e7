package org.accordpay.store.internal;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Resolved connection settings. {@link #toString()} never shows the password.
 *
 * @param url          JDBC URL, {@code ${karaf.data}} already resolved
 * @param user         database user
 * @param password     database password (never logged)
 * @param poolSize     maximum pool size
 * @param retrySeconds delay between connection attempts
 */
public record StoreSettings(String url, String user, String password, int poolSize, int retrySeconds) {

    private static final Pattern CREDENTIAL_PARAM =
            Pattern.compile("(?i)[;&?](user|password|pwd|username)=[^;&]*");
    private static final Pattern USERINFO = Pattern.compile("//[^/@?;]*@");

    public StoreSettings {
        Objects.requireNonNull(url, "url");
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        poolSize = Math.max(1, poolSize);
        retrySeconds = Math.max(1, retrySeconds);
    }

    /** Builds settings from raw configuration values, resolving {@code ${karaf.data}} and the H2 URL options. */
    public static StoreSettings of(String rawUrl, String user, String password, int poolSize, int retrySeconds) {
        return new StoreSettings(normalizeUrl(resolve(rawUrl)), user, password, poolSize, retrySeconds);
    }

    static String resolve(String rawUrl) {
        String url = rawUrl == null || rawUrl.isBlank() ? StoreComponent.DEFAULT_URL : rawUrl.trim();
        if (url.contains("${karaf.data}")) {
            String data = System.getProperty("karaf.data");
            if (data == null || data.isBlank()) {
                data = System.getProperty("user.dir") + "/data";
            }
            url = url.replace("${karaf.data}", data.replace('\\', '/'));
        }
        return url;
    }

    /**
     * H2 file databases: H2's default {@code WRITE_DELAY} (500 ms) lets the MVStore write a
     * commit to the file up to half a second later, so a kill -9 right after a commit loses it
     * (see {@code H2DurabilityTest}). {@code WRITE_DELAY=0} writes each commit before it
     * returns; a configured WRITE_DELAY is overridden. The engine must not be closed by H2's
     * own shutdown hook while the store still holds connections: {@code DB_CLOSE_ON_EXIT=FALSE}.
     */
    static String normalizeUrl(String url) {
        if (!url.startsWith("jdbc:h2:") || url.startsWith("jdbc:h2:mem:")) {
            return url;
        }
        StringBuilder b = new StringBuilder();
        for (String part : url.split(";")) {
            String upper = part.toUpperCase(java.util.Locale.ROOT);
            if (upper.startsWith("WRITE_DELAY=") || upper.startsWith("DB_CLOSE_ON_EXIT=")
                    || upper.startsWith("DB_CLOSE_DELAY=")) {
                continue;
            }
            if (b.length() > 0) {
                b.append(';');
            }
            b.append(part);
        }
        return b.append(";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE").toString();
    }

    /** @return the URL with any user name or password removed */
    public String safeUrl() {
        return redact(url);
    }

    static String redact(String url) {
        String s = CREDENTIAL_PARAM.matcher(url).replaceAll("");
        return USERINFO.matcher(s).replaceAll("//");
    }

    /** @return true when {@code other} points at the same database as the same user */
    public boolean sameDatabase(StoreSettings other) {
        return other != null && url.equals(other.url) && user.equals(other.user);
    }

    @Override
    public String toString() {
        return "StoreSettings[url=" + safeUrl() + ", user=" + user + ", poolSize=" + poolSize
                + ", retrySeconds=" + retrySeconds + "]";
    }
}
