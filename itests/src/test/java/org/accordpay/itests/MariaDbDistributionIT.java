package org.accordpay.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.inject.Inject;
import org.accordpay.api.bank.BankConnector;
import org.accordpay.api.bank.dto.StatementLine;
import org.accordpay.api.purchase.PurchaseState;
import org.accordpay.api.purchase.dto.Purchase;
import org.accordpay.api.registry.dto.Merchant;
import org.accordpay.api.routing.SmsRouting;
import org.accordpay.api.routing.dto.CarrierStatus;
import org.accordpay.carrier.loopback.HandsetPolicy;
import org.accordpay.itests.support.SmscHandsets;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** The full set on MariaDB, each run on its own fresh database; and the carrier hot-swap under traffic. */
public class MariaDbDistributionIT extends AbstractMerchantApiIT {

    private static final String SMPP_FEATURE = "accord-carrier-smpp";
    private static final String SMPP_ID = "smpp-it";

    @Inject
    protected ConfigurationAdmin configAdmin;

    @Inject
    @Filter(timeout = 90_000)
    protected SmsRouting routing;

    @Override
    protected List<Option> databaseOptions() {
        List<Option> options = new java.util.ArrayList<>(freshMariaDb("accord_it"));
        options.addAll(ledgerBankOnFreshMariaDb("accord_itbank"));
        return options;
    }

    /** The test SMSC and jSMPP, installed outside the features so that uninstalling the carrier keeps them. */
    @Override
    protected List<Option> extraOptions() {
        return List.of(mavenBundle("org.jsmpp", "jsmpp", System.getProperty("jsmpp.version")),
                mavenBundle("org.accordpay", "accord-smsc-simulator", System.getProperty("accord.version")));
    }

    @Test
    public void runsOnMariaDbWithoutLeakingTheSecret() {
        assertTrue(store.info().database(), store.info().database().toLowerCase().contains("maria"));
        assertTrue(store.info().jdbcUrl(), store.info().jdbcUrl().startsWith("jdbc:mariadb://127.0.0.1:3306/accord_it_"));
        assertFalse(store.info().jdbcUrl().contains("password"));
    }

    /**
     * Purchases run continuously, in two lanes, while the SMPP carrier bundle is updated, uninstalled and
     * reinstalled; the loopback carrier takes over while it is away. Every purchase is paid once. A purchase
     * whose handset answer was on its way through the SMSC when the carrier left waits for it to come back (the
     * SMSC stores and forwards the answer): with two lanes, that holds up its own lane only, as one customer
     * waiting does not stop the others.
     */
    @Test
    public void carrierBundleIsSwappedWhilePurchasesRun() throws Exception {
        Merchant merchant = admittedMerchant();
        List<Shopper> shoppers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            shoppers.add(shopper(1_000_000));
        }
        Shopper manual = shopper(10_000);
        Configuration routingConfig = configAdmin.getConfiguration("org.accordpay.routing", null);
        Configuration smppConfig = configAdmin.createFactoryConfiguration("org.accordpay.carrier.smpp", null);
        try (SmscHandsets behindSmsc = new SmscHandsets(handsets)) {
            Dictionary<String, Object> r = new Hashtable<>();
            r.put("ranges", "+3366=it-mobile");
            r.put("operators", "it-mobile=" + SMPP_ID);
            r.put("fallback", "loopback");
            r.put("cap.number.per.hour", "0");
            r.put("cap.number.per.day", "0");
            r.put("cap.subscriber.per.hour", "0");
            routingConfig.update(r);
            Dictionary<String, Object> smpp = new Hashtable<>();
            smpp.put("id", SMPP_ID);
            smpp.put("host", "127.0.0.1");
            smpp.put("port", String.valueOf(behindSmsc.port()));
            smpp.put("system.id", "accord");
            smpp.put("test", "true");
            smppConfig.update(smpp);
            features.installFeature(SMPP_FEATURE);
            assertTrue("the SMPP carrier binds", waitFor(() -> carrier(SMPP_ID).map(c -> c.available()).orElse(false)));

            // a challenge sent through the SMSC is answered through the loopback carrier
            handsets.setPolicy(manual.phone(), HandsetPolicy.MANUAL);
            Purchase crossed = request(merchant, manual, 500);
            assertTrue("the challenge reached the handset behind the SMSC",
                    waitFor(() -> handsets.pending(manual.phone()).isPresent()));
            handsets.answer(manual.phone(), true, null);
            await(crossed, PurchaseState.IN_ESCROW);

            Traffic traffic = new Traffic(merchant, shoppers);
            List<Thread> lanes = List.of(new Thread(traffic.lane(0, 2), "it-purchases-0"),
                    new Thread(traffic.lane(1, 2), "it-purchases-1"));
            lanes.forEach(Thread::start);
            try {
                long before = behindSmsc.answered();
                assertTrue("purchases answered through the SMSC",
                        waitFor(() -> behindSmsc.answered() >= before + 3 && traffic.completed.size() >= 3));

                Bundle carrierBundle = bundle("org.accordpay.accord-carrier-smpp");
                int done = traffic.completed.size();
                carrierBundle.update();
                assertTrue("purchases go on across bundle:update", waitFor(() -> traffic.completed.size() >= done + 3));

                features.uninstallFeature(SMPP_FEATURE);
                int whileAway = traffic.completed.size();
                long smscAnswers = behindSmsc.answered();
                assertTrue("the loopback carrier takes over", waitFor(() -> traffic.completed.size() >= whileAway + 3));
                assertTrue("nothing went through the SMSC meanwhile", behindSmsc.answered() <= smscAnswers + 1);

                features.installFeature(SMPP_FEATURE);
                long back = behindSmsc.answered();
                int afterReinstall = traffic.completed.size();
                assertTrue("the SMPP carrier is back and carries the traffic again",
                        waitFor(() -> behindSmsc.answered() >= back + 3 && traffic.completed.size() >= afterReinstall + 3));
            } finally {
                traffic.running.set(false);
                for (Thread lane : lanes) {
                    lane.join(180_000);
                }
            }
            assertTrue("no purchase failed: " + traffic.failures, traffic.failures.isEmpty());
            List<StatementLine> lines = ((BankConnector) bank).statement().lines();
            for (String id : traffic.completed.keySet()) {
                assertEquals(id + " debited once", 1, lines.stream()
                        .filter(l -> l.idempotencyKey().equals("dbt-" + id)).count());
                assertEquals(PurchaseState.IN_ESCROW, purchases.find(id).orElseThrow().state());
            }
            long longest = traffic.longestPauseMillis();
            System.out.println("carrier hot-swap: " + traffic.completed.size() + " purchases completed, longest pause "
                    + longest + " ms, " + behindSmsc.answered() + " answers through the SMSC");
            assertTrue("longest pause in completions " + longest + " ms", longest < 120_000);
            assertBooksHold();
        } finally {
            if (features.isInstalled(features.getFeature(SMPP_FEATURE))) {
                features.uninstallFeature(SMPP_FEATURE);
            }
            smppConfig.delete();
            routingConfig.delete();
        }
    }

    private java.util.Optional<CarrierStatus> carrier(String id) {
        return routing.carriers().stream().filter(c -> c.id().equals(id) && c.bound()).findFirst();
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : bundleContext.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError(symbolicName + " not installed");
    }

    /**
     * Purchases in lanes, each one after another round-robin over its own shoppers, each awaited until paid
     * into escrow.
     */
    private final class Traffic {
        final AtomicBoolean running = new AtomicBoolean(true);
        final Map<String, Long> completed = new ConcurrentHashMap<>();
        final List<String> failures = new CopyOnWriteArrayList<>();
        private final List<Long> completions = new CopyOnWriteArrayList<>();
        private final Merchant merchant;
        private final List<Shopper> shoppers;

        Traffic(Merchant merchant, List<Shopper> shoppers) {
            this.merchant = merchant;
            this.shoppers = shoppers;
        }

        /** @return lane {@code lane} of {@code lanes}: its own shoppers, so no customer has two challenges open */
        Runnable lane(int lane, int lanes) {
            List<Shopper> own = new ArrayList<>();
            for (int i = lane; i < shoppers.size(); i += lanes) {
                own.add(shoppers.get(i));
            }
            return () -> run(own, lane);
        }

        private void run(List<Shopper> own, int lane) {
            for (int i = 0; running.get(); i++) {
                Shopper s = own.get(i % own.size());
                try {
                    Purchase p = request(merchant, s, 100 + 2 * i + lane);
                    // a message whose carrier vanished before it was delivered goes to the next one after
                    // the receipt timeout (60 s): wait longer than that
                    long deadline = System.currentTimeMillis() + 150_000;
                    while (purchases.find(p.id()).orElseThrow().state() != PurchaseState.IN_ESCROW) {
                        if (System.currentTimeMillis() > deadline) {
                            throw new AssertionError(p.id() + " still " + purchases.find(p.id()).orElseThrow().state());
                        }
                        Thread.sleep(50);
                    }
                    long now = System.currentTimeMillis();
                    completed.put(p.id(), now);
                    completions.add(now);
                } catch (Throwable e) {
                    failures.add(s.phone() + ": " + e);
                }
            }
        }

        long longestPauseMillis() {
            List<Long> times = completions.stream().sorted().toList();
            long longest = 0;
            for (int i = 1; i < times.size(); i++) {
                longest = Math.max(longest, times.get(i) - times.get(i - 1));
            }
            return longest;
        }
    }
}
