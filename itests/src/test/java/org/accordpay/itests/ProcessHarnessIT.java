package org.accordpay.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.accordpay.api.fault.FaultPoint;
import org.accordpay.itests.support.AccordProcess;
import org.accordpay.itests.support.AccordTestSupport;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.junit.FixMethodOrder;
import org.junit.runners.MethodSorters;

/**
 * The distribution as a separate process: starts to READY, shows its features and bundles in
 * the operator shell, survives kill -9, and halts exactly at a named fault point.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ProcessHarnessIT {

    private static AccordProcess accord;

    @BeforeClass
    public static void startAccord() throws Exception {
        accord = AccordProcess.unpack("process-harness");
        accord.start();
        Duration ready = accord.awaitReady(Duration.ofSeconds(90));
        System.out.println("accord: first start to READY in " + ready.toMillis() + " ms");
    }

    @AfterClass
    public static void stopAccord() throws Exception {
        if (accord != null) {
            accord.close();
        }
    }

    @Test
    public void a_shellShowsAccordFeaturesAndBundlesAllActive() throws Exception {
        String features = accord.shell("feature:list -i", Duration.ofSeconds(30));
        for (String feature : new String[] {"accord-base", "accord-store", "accord "}) {
            assertTrue(feature + " in\n" + features, features.contains(feature));
        }
        String bundles = accord.shell("bundle:list -t 0 --no-format", Duration.ofSeconds(30));
        assertTrue(bundles, bundles.contains("Accord :: Store"));
        for (String line : bundles.split("\n")) {
            if (line.matches("\\s*\\d+\\s*\\|.*")) {
                assertTrue("not active: " + line, line.contains("Active") || line.contains("Resolved |   80 | 4.4.10 | "));
            }
        }
        String status = accord.shell("accord:status", Duration.ofSeconds(30));
        assertTrue(status, status.contains("store    : H2"));
        String audit = accord.shell("accord:audit-verify", Duration.ofSeconds(30));
        assertTrue(audit, audit.contains("VALID") && !audit.contains("INVALID"));
    }

    @Test
    public void b_operatorKeyIsPrivateAndNoDefaultPasswordWorks() throws Exception {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(accord.home().resolve("etc/operator.key"));
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), permissions);
        String users = Files.readString(accord.home().resolve("etc/users.properties"));
        assertFalse("no well-known karaf user", users.lines().anyMatch(l -> l.startsWith("karaf")));
        String shellCfg = Files.readString(accord.home().resolve("etc/org.apache.karaf.shell.cfg"));
        assertTrue(shellCfg.lines().anyMatch(l -> l.replace(" ", "").equals("sshHost=127.0.0.1")));
    }

    @Test
    public void c_survivesKillNineAndComesBackReady() throws Exception {
        accord.kill9();
        assertFalse(accord.isAlive());
        accord.start();
        Duration ready = accord.awaitReady(Duration.ofSeconds(90));
        System.out.println("accord: restart after kill -9 to READY in " + ready.toMillis() + " ms");
        String status = accord.shell("accord:status", Duration.ofSeconds(30));
        assertTrue(status, status.contains("schema   : " + AccordTestSupport.SCHEMA_VERSION));
    }

    @Test
    public void d_haltsExactlyAtANamedFaultPoint() throws Exception {
        accord.kill9();
        accord.start(Map.of(FaultPoint.PROPERTY, "store.ready"));
        int status = accord.awaitExit(Duration.ofSeconds(90));
        assertEquals("exit status of a fault-point halt", FaultPoint.HALT_STATUS, status);
        accord.start();
        accord.awaitReady(Duration.ofSeconds(90));
    }
}
