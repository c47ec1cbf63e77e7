package org.accordpay.itests.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The MariaDB every development and CI machine runs (127.0.0.1:3306). Each test run gets its
 * own fresh database. An unreachable MariaDB fails the test: it never skips.
 */
public final class MariaDb {

    /** Server URL without a database, from the build ({@code accord.it.mariadb.url}). */
    public static final String SERVER_URL = System.getProperty("accord.it.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/");
    /** User with rights to create databases. */
    public static final String USER = System.getProperty("accord.it.mariadb.user", "root");
    /** Its password (empty on development machines). */
    public static final String PASSWORD = System.getProperty("accord.it.mariadb.password", "");

    private MariaDb() {
    }

    /**
     * Creates a fresh, empty database.
     *
     * @return the JDBC URL of the new database
     * @throws IllegalStateException when MariaDB cannot be reached: the test must fail
     */
    public static String createFreshDatabase(String prefix) {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(SERVER_URL, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB at " + SERVER_URL + " is required for the integration tests and is "
                    + "unreachable: " + e.getMessage(), e);
        }
        return SERVER_URL + name;
    }
}
