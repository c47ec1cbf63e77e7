package org.accordpay.bank.ledger.internal;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

/** Fresh databases for the ledger bank's tests: an H2 file in a temp dir, a new MariaDB database. */
final class TestDatabases {

    static final String MARIADB_SERVER = "jdbc:mariadb://127.0.0.1:3306/";

    private TestDatabases() {
    }

    static String h2Url() throws Exception {
        return "jdbc:h2:" + Files.createTempDirectory("accord-bank-ledger-ut").toAbsolutePath().toString()
                .replace('\\', '/') + "/bank-ledger";
    }

    /** Creates {@code accord_bank_test_<random>}; fails (never skips) when MariaDB is unreachable. */
    static String createMariaDb() throws Exception {
        String name = "accord_bank_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        exec("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        return name;
    }

    static void dropMariaDb(String name) throws Exception {
        if (name != null) {
            exec("DROP DATABASE IF EXISTS " + name);
        }
    }

    private static void exec(String sql) throws Exception {
        Properties p = new Properties();
        p.setProperty("user", "root");
        p.setProperty("password", "");
        try (Connection c = new org.mariadb.jdbc.Driver().connect(MARIADB_SERVER, p);
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
