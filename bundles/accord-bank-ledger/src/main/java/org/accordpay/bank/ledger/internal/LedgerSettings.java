package org.accordpay.bank.ledger.internal;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Resolved settings of the ledger bank. {@link #toString()} never shows the password.
 *
 * @param id             bank connection id
 * @param mode           {@code test} or {@code live}
 * @param url            JDBC URL, {@code ${karaf.data}} resolved, H2 options normalised
 * @param user           database user
 * @param password       database password (never logged)
 * @param accordIban     Accord's own account at this bank
 * @param settleDelayMs  delay between ACCEPTED and settlement; 0 settles at once
 * @param poolSize       connections kept open
 */
record LedgerSettings(String id, String mode, String url, String user, String password, String accordIban,
        long settleDelayMs, int poolSize) {

    static final String DEFAULT_URL = "jdbc:h2:${karaf.data}/accord/bank-ledger";
    static final String DEFAULT_ACCORD_IBAN = "FR7630006000011234567890189";

    private static final Pattern CREDENTIAL_PARAM = Pattern.compile("(?i)[;&?](user|password|pwd|username)=[^;&]*");
    private static final Pattern USERINFO = Pattern.compile("//[^/@?;]*@");

    LedgerSettings {
        Objects.requireNonNull(url, "url");
        id = id == null || id.isBlank() ? "ledger" : id.trim();
        mode = mode == null || mode.isBlank() ? "test" : mode.trim();
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        accordIban = Ibans.normalize(accordIban == null || accordIban.isBlank() ? DEFAULT_ACCORD_IBAN : accordIban);
        if (!Ibans.isValid(accordIban)) {
            throw new IllegalArgumentException("accord.iban is not a valid IBAN: " + accordIban);
        }
        settleDelayMs = Math.max(0, settleDelayMs);
        poolSize = Math.max(1, poolSize);
    }

    static LedgerSettings of(LedgerConfig c) {
        return new LedgerSettings(c.id(), c.mode(), normalizeUrl(resolve(c.url())), c.user(), c._password(),
                c.accord_iban(), c.settle_delay_ms(), c.pool_size());
    }

    /** Settings for tests and tools: the given URL taken as it is, apart from the H2 options. */
    static LedgerSettings of(String id, String url, String user, String password, long settleDelayMs) {
        return new LedgerSettings(id, "test", normalizeUrl(resolve(url)), user, password, DEFAULT_ACCORD_IBAN,
                settleDelayMs, 4);
    }

    static String resolve(String rawUrl) {
        String url = rawUrl == null || rawUrl.isBlank() ? DEFAULT_URL : rawUrl.trim();
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
     * H2 file databases: H2's default {@code WRITE_DELAY} (500 ms) writes a commit up to half a
     * second later, so a kill -9 right after it would lose money movements. {@code WRITE_DELAY=0}
     * (as accord-store does) writes each commit before it returns; the engine is not closed by
     * H2's own shutdown hook while the bank still holds connections.
     */
    static String normalizeUrl(String url) {
        if (!url.startsWith("jdbc:h2:") || url.startsWith("jdbc:h2:mem:")) {
            return url;
        }
        StringBuilder b = new StringBuilder();
        for (String part : url.split(";")) {
            String upper = part.toUpperCase(Locale.ROOT);
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

    boolean mariaDb() {
        return url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:");
    }

    /** @return the URL with any user name or password removed */
    String safeUrl() {
        String s = CREDENTIAL_PARAM.matcher(url).replaceAll("");
        return USERINFO.matcher(s).replaceAll("//");
    }

    @Override
    public String toString() {
        return "LedgerSettings[id=" + id + ", mode=" + mode + ", url=" + safeUrl() + ", user=" + user
                + ", accordIban=" + accordIban + ", settleDelayMs=" + settleDelayMs + ", poolSize=" + poolSize + "]";
    }
}
