package org.accordpay.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.inject.Inject;
import org.accordpay.api.money.Money;
import org.accordpay.api.purchase.Mode;
import org.accordpay.api.purchase.PurchaseState;
import org.accordpay.api.purchase.dto.PurchaseItem;
import org.accordpay.api.store.AccordStore;
import org.accordpay.api.store.dto.PurchaseRecord;
import org.accordpay.itests.support.AccordTestSupport;
import org.accordpay.itests.support.FreePorts;
import org.accordpay.itests.support.MariaDb;
import org.accordpay.itests.support.TcpForwarder;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

/**
 * An operator moves a running Accord from H2 to MariaDB by editing the store configuration:
 * refused while H2 still holds unfinished work, done once it holds none. Then the database
 * goes away and comes back: the store is absent meanwhile and returns by itself.
 */
@RunWith(PaxExam.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
@ExamReactorStrategy(PerClass.class)
public class StoreSwitchIT extends AccordTestSupport {

    private static final String TARGET_PROPERTY = "accord.it.switch.url";

    @Inject
    @Filter(timeout = 90_000)
    AccordStore store;

    @Override
    protected List<Option> databaseOptions() {
        // the target database is created by the test driver and handed to the container
        return List.of(editConfigurationFilePut("etc/system.properties", TARGET_PROPERTY,
                MariaDb.createFreshDatabase("accord_switch")));
    }

    @Test
    public void a_switchIsRefusedWhileWorkIsPendingAndDoneWhenNone() throws Exception {
        String target = System.getProperty(TARGET_PROPERTY);
        assertNotNull(target);
        assertTrue(store.info().jdbcUrl().startsWith("jdbc:h2:"));

        Instant now = Instant.now();
        String id = "pur_" + UUID.randomUUID();
        store.transact(tx -> {
            tx.purchases().insert(new PurchaseRecord(id, "mer_shop", "cus_1", "order-9",
                    List.of(new PurchaseItem("Chair", 9900, 1)), Money.of(9900, "EUR"), PurchaseState.CHALLENGED,
                    Mode.TEST, now, now));
            return null;
        });

        reconfigureStore(target, MariaDb.USER, MariaDb.PASSWORD, "1");
        AccordStore refused = awaitService(AccordStore.class, s -> s.info().problem() != null, Duration.ofSeconds(30));
        assertTrue(refused.info().problem(), refused.info().problem().contains("unfinished work"));
        assertTrue("still on H2", refused.info().jdbcUrl().startsWith("jdbc:h2:"));
        assertEquals(PurchaseState.CHALLENGED, refused.transact(tx -> tx.purchases().find(id)).orElseThrow().state());

        refused.transact(tx -> tx.purchases().transition(id, PurchaseState.CHALLENGED, PurchaseState.EXPIRED, now));
        // boot-time work (the demo customer's enrolment texts) may still be in the outbox: let it drain
        long drained = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!refused.pendingWork().isEmpty() && System.nanoTime() < drained) {
            Thread.sleep(100);
        }
        assertTrue(refused.pendingWork().toString(), refused.pendingWork().isEmpty());

        reconfigureStore(target, MariaDb.USER, MariaDb.PASSWORD, "2");
        AccordStore moved = awaitService(AccordStore.class, s -> s.info().jdbcUrl().startsWith("jdbc:mariadb:"),
                Duration.ofSeconds(60));
        assertEquals(SCHEMA_VERSION, moved.info().schemaVersion());
        assertTrue("a fresh database", moved.transact(tx -> tx.purchases().find(id)).isEmpty());
        assertTrue(moved.pendingWork().isEmpty());
    }

    @Test
    public void b_unreachableDatabaseMeansNoStoreUntilItComesBack() throws Exception {
        String target = System.getProperty(TARGET_PROPERTY);
        java.net.URI server = java.net.URI.create(target.substring("jdbc:".length()));
        int port = FreePorts.next();
        String viaForwarder = "jdbc:mariadb://127.0.0.1:" + port + server.getPath();
        try (TcpForwarder database = new TcpForwarder(port,
                new java.net.InetSocketAddress(server.getHost(), server.getPort()))) {
            reconfigureStore(viaForwarder, MariaDb.USER, MariaDb.PASSWORD, "3");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (bundleContext.getServiceReference(AccordStore.class) != null && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue("no store while the database is down",
                    bundleContext.getServiceReference(AccordStore.class) == null);
            Thread.sleep(2_000);
            assertTrue("still none after retries", bundleContext.getServiceReference(AccordStore.class) == null);

            database.start();
            AccordStore back = awaitService(AccordStore.class,
                    s -> s.info().jdbcUrl().startsWith(viaForwarder), Duration.ofSeconds(60));
            assertEquals(SCHEMA_VERSION, back.info().schemaVersion());
            assertTrue(back.pendingWork().isEmpty());
        }
    }
}
