package org.accordpay.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.accordpay.api.purchase.PurchaseState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM commits on H2 with the store's URL options, then halts at once (like kill -9:
 * no shutdown hook, no close). The commit must be there when the database is reopened.
 */
class H2DurabilityTest {

    @TempDir
    Path dir;

    /** Child process: commit, print, halt. */
    public static void main(String[] args) throws Exception {
        StoreSettings s = TestDatabases.h2(Path.of(args[0]));
        JpaStore store = JpaStore.open(s, H2DurabilityTest.class.getClassLoader(), Clock.systemUTC());
        for (int i = 0; i < 5; i++) {
            String id = "crash-" + i;
            store.transact(tx -> {
                tx.purchases().insert(StoreContractTest.purchase(id, PurchaseState.REQUESTED));
                return null;
            });
        }
        System.out.println("COMMITTED");
        System.out.flush();
        Runtime.getRuntime().halt(9);
    }

    @Test
    void commitSurvivesAbruptExit() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                H2DurabilityTest.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                out.append(line).append('\n');
            }
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out.toString()).contains("COMMITTED");
        assertThat(p.exitValue()).isEqualTo(9);

        try (JpaStore store = JpaStore.open(TestDatabases.h2(dir), getClass().getClassLoader(), Clock.systemUTC())) {
            for (int i = 0; i < 5; i++) {
                String id = "crash-" + i;
                assertThat(store.<java.util.Optional<org.accordpay.api.store.dto.PurchaseRecord>>transact(tx -> tx.purchases().find(id))).as(id).isPresent();
            }
        }
    }
}
