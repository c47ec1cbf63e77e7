package org.accordpay.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.accordpay.api.purchase.PurchaseState;
import org.accordpay.api.store.AccordStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** The component outside OSGi: a fake BundleContext records what it registers. */
class StoreComponentTest {

    @TempDir
    Path dir;

    /** Registered services, in order; unregistered ones are removed. */
    final List<AccordStore> registered = new CopyOnWriteArrayList<>();
    final List<AccordStore> everRegistered = new CopyOnWriteArrayList<>();

    BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("registerService")) {
                        AccordStore service = (AccordStore) args[1];
                        registered.add(service);
                        everRegistered.add(service);
                        return Proxy.newProxyInstance(getClass().getClassLoader(),
                                new Class<?>[] {ServiceRegistration.class}, (p, m, a) -> {
                                    if (m.getName().equals("unregister")) {
                                        registered.remove(service);
                                    }
                                    return null;
                                });
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    static StoreConfig config(String url) {
        Map<String, Object> values = new HashMap<>();
        values.put("url", url);
        values.put("connect_retry_seconds", 1);
        return (StoreConfig) Proxy.newProxyInstance(StoreConfig.class.getClassLoader(), new Class<?>[] {StoreConfig.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return StoreConfig.class;
                    }
                    Object v = values.get(method.getName());
                    return v != null ? v : method.getDefaultValue();
                });
    }

    static void waitFor(Supplier<Boolean> condition) throws InterruptedException {
        long end = System.nanoTime() + 20_000_000_000L;
        while (!condition.get()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met in 20 s");
            }
            Thread.sleep(50);
        }
    }

    @Test
    void registersWhenReadyRefusesSwitchWithPendingWorkThenSwitches() throws Exception {
        String urlA = "jdbc:h2:" + dir.resolve("a/accord").toString().replace('\\', '/');
        String urlB = "jdbc:h2:" + dir.resolve("b/accord").toString().replace('\\', '/');
        StoreComponent component = new StoreComponent();
        component.clock = new TestClock();
        component.activate(context(), config(urlA));
        try {
            waitFor(() -> registered.size() == 1);
            AccordStore a = registered.get(0);
            assertThat(a.info().jdbcUrl()).startsWith(urlA).contains("DB_CLOSE_ON_EXIT=FALSE");
            a.transact(tx -> {
                tx.purchases().insert(StoreContractTest.purchase("p-1", PurchaseState.IN_ESCROW));
                return null;
            });

            component.modified(config(urlB));
            assertThat(registered).containsExactly(a);
            assertThat(a.info().problem()).startsWith("refusing to switch store to " + urlB)
                    .contains("1 open purchase(s)");

            a.transact(tx -> tx.purchases().transition("p-1", PurchaseState.IN_ESCROW, PurchaseState.CANCELLED,
                    Instant.now()));
            component.modified(config(urlB));
            waitFor(() -> registered.size() == 1 && registered.get(0) != a);
            AccordStore b = registered.get(0);
            assertThat(b.info().jdbcUrl()).startsWith(urlB);
            assertThat(b.info().problem()).isNull();
            assertThat(b.pendingWork().isEmpty()).isTrue();
        } finally {
            component.deactivate();
        }
        assertThat(registered).isEmpty();
    }

    @Test
    void retriesWhileDatabaseUnreachableAndStopsCleanly() throws Exception {
        StoreComponent component = new StoreComponent();
        component.clock = new TestClock();
        component.activate(context(), config("jdbc:mariadb://127.0.0.1:1/accord?password=secret"));
        Thread.sleep(2500);
        assertThat(everRegistered).isEmpty();
        long t0 = System.nanoTime();
        component.deactivate();
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(5_000);
        assertThat(everRegistered).isEmpty();
    }
}
