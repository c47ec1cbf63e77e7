package org.accordpay.bench.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** MariaDB's global status counters (server-wide: every client of the server counts). */
final class ServerStatus {

    static final String[] COUNTERS = {"Com_commit", "Handler_commit", "Com_insert", "Com_update", "Com_delete",
        "Com_select", "Questions", "Innodb_os_log_fsyncs", "Innodb_data_fsyncs"};

    private final String url;
    private final String user;
    private final String password;

    ServerStatus(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    Map<String, Long> read() throws SQLException {
        Map<String, Long> values = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN ('"
                        + String.join("','", COUNTERS) + "')")) {
            while (rs.next()) {
                values.put(rs.getString(1), rs.getLong(2));
            }
        }
        return values;
    }

    static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> d = new LinkedHashMap<>();
        for (String k : COUNTERS) {
            d.put(k, after.getOrDefault(k, 0L) - before.getOrDefault(k, 0L));
        }
        return d;
    }
}
