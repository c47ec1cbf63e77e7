package org.accordpay.store.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import org.mariadb.jdbc.MariaDbDataSource;

/** Fresh databases for tests: an H2 file in a temp dir, a new MariaDB schema on 127.0.0.1:3306. */
final class TestDatabases {

    static final String MARIADB_SERVER = "jdbc:mariadb://127.0.0.1:3306/";

    private TestDatabases() {
    }

    static StoreSettings h2(Path dir) {
        return StoreSettings.of("jdbc:h2:" + dir.toAbsolutePath().toString().replace('\\', '/') + "/accord", "sa", "", 4, 1);
    }

    static StoreSettings h2Temp() throws Exception {
        return h2(Files.createTempDirectory("accord-store-ut"));
    }

    /** Creates {@code accord_ut_<random>}; fails (never skips) when MariaDB is unreachable. */
    static String createMariaDb() throws Exception {
        String name = "accord_ut_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        exec("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        return name;
    }

    static void dropMariaDb(String name) throws Exception {
        if (name != null) {
            exec("DROP DATABASE IF EXISTS " + name);
        }
    }

    static StoreSettings mariaDb(String name) {
        return StoreSettings.of(MARIADB_SERVER + name, "root", "", 4, 1);
    }

    private static void exec(String sql) throws Exception {
        MariaDbDataSource ds = new MariaDbDataSource(MARIADB_SERVER);
        ds.setUser("root");
        ds.setPassword("");
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
