package org.accordpay.itests.support;

import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.CoreOptions.vmOption;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.function.Predicate;
import javax.inject.Inject;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Base of every in-container integration test: boots the assembled Accord distribution once per
 * test class on free ports, with the adjustable clock and the database a subclass chooses.
 */
public abstract class AccordTestSupport {

    /** The newest Flyway migration the store applies. */
    public static final String SCHEMA_VERSION = "16";

    /** Merchant API configuration PID; its {@code port} is a free port in every test container. */
    protected static final String REST_PID = "org.accordpay.rest";
    /** The bearer token of courier {@code it-courier} at /v1/couriers/it-courier/deliveries. */
    protected static final String IT_COURIER_TOKEN = "it-courier-token-0123456789abcdef";

    /** Store configuration PID. */
    protected static final String STORE_PID = "org.accordpay.store";

    @Inject
    protected BundleContext bundleContext;

    @Inject
    protected ConfigurationAdmin configurationAdmin;

    /** The whole container configuration; subclasses add to it through {@link #databaseOptions()}. */
    @Configuration
    public Option[] config() {
        String localRepository = System.getProperty("org.ops4j.pax.url.mvn.localRepository",
                System.getProperty("user.home") + "/.m2/repository");
        List<Option> options = new ArrayList<>(List.of(
                karafDistributionConfiguration()
                        .frameworkUrl(maven().groupId("org.accordpay").artifactId("accord-distribution")
                                .type("tar.gz").version(System.getProperty("accord.version")))
                        .unpackDirectory(new File("target/exam"))
                        .name("Accord")
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole(),
                logLevel(LogLevel.INFO),
                systemTimeout(120_000),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(FreePorts.next())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort",
                        String.valueOf(FreePorts.next())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort",
                        String.valueOf(FreePorts.next())),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                        localRepository),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories", ""),
                editConfigurationFilePut("etc/org.accordpay.time.cfg", "adjustable", "true"),
                editConfigurationFilePut("etc/org.accordpay.console.cfg", "port", String.valueOf(FreePorts.next())),
                editConfigurationFilePut("etc/" + REST_PID + ".cfg", "port", String.valueOf(FreePorts.next())),
                editConfigurationFilePut("etc/" + REST_PID + ".cfg", ".courier.tokens",
                        "it-courier=" + IT_COURIER_TOKEN),
                // cheap PIN encoding for tests; the real cost is measured by the benchmarks
                editConfigurationFilePut("etc/org.accordpay.challenge.cfg", "argon2.memory.kib", "64"),
                editConfigurationFilePut("etc/org.accordpay.challenge.cfg", "argon2.iterations", "1"),
                // the reference handset agent, to answer challenges as a phone would
                mavenBundle("org.accordpay", "accord-handset", System.getProperty("accord.version"))));
        options.addAll(java17Options());
        options.addAll(databaseOptions());
        options.addAll(extraOptions());
        return options.toArray(new Option[0]);
    }

    /**
     * The module options that {@code bin/karaf} passes on Java 9+ and Pax Exam does not: without
     * them Karaf's service guard proxies (Aries proxy) fail and the container never comes up.
     */
    private static List<Option> java17Options() {
        String karaf = "4.4.10";
        List<Option> options = new ArrayList<>();
        for (String opt : new String[] {
            "--add-reads=java.xml=java.logging",
            "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
            "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karaf + ".jar",
            "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karaf + ".jar",
            "--add-opens", "java.base/java.security=ALL-UNNAMED",
            "--add-opens", "java.base/java.net=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/java.util=ALL-UNNAMED",
            "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
            "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
            "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED",
            "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports=java.security.sasl/com.sun.security.sasl=ALL-UNNAMED",
            "-classpath", "lib/jdk9plus/*" + java.io.File.pathSeparator + "lib/boot/*"}) {
            options.add(vmOption(opt));
        }
        return options;
    }

    /** @return options choosing the database; the embedded H2 default unless overridden */
    protected List<Option> databaseOptions() {
        return List.of();
    }

    /** @return more bundles or configuration a test class needs in the container */
    protected List<Option> extraOptions() {
        return List.of();
    }

    /** @return options pointing the store at a fresh MariaDB database */
    protected static List<Option> freshMariaDb(String prefix) {
        String url = MariaDb.createFreshDatabase(prefix);
        return List.of(
                editConfigurationFilePut("etc/" + STORE_PID + ".cfg", "url", url),
                editConfigurationFilePut("etc/" + STORE_PID + ".cfg", "user", MariaDb.USER),
                editConfigurationFilePut("etc/" + STORE_PID + ".cfg", "password", MariaDb.PASSWORD));
    }

    /** @return options putting the ledger bank's own books in a fresh MariaDB database */
    protected static List<Option> ledgerBankOnFreshMariaDb(String prefix) {
        String url = MariaDb.createFreshDatabase(prefix);
        String pid = "etc/org.accordpay.bank.ledger.cfg";
        return List.of(editConfigurationFilePut(pid, "url", url), editConfigurationFilePut(pid, "user", MariaDb.USER),
                editConfigurationFilePut(pid, ".password", MariaDb.PASSWORD));
    }

    /**
     * Waits for a service that matches, looking it up afresh (never a stale injected reference).
     *
     * @throws AssertionError when none appears in time
     */
    protected <T> T awaitService(Class<T> type, Predicate<T> condition, Duration timeout) throws InterruptedException {
        BundleContext context = FrameworkUtil.getBundle(getClass()) == null
                ? bundleContext : FrameworkUtil.getBundle(getClass()).getBundleContext();
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (Object candidate : tracker.getServices() == null ? new Object[0] : tracker.getServices()) {
                    T service = type.cast(candidate);
                    try {
                        if (condition.test(service)) {
                            return service;
                        }
                    } catch (RuntimeException goingAway) {
                        // a service being unregistered while we look at it: look again
                    }
                }
                Thread.sleep(100);
            }
            throw new AssertionError("no " + type.getSimpleName() + " matching the condition within " + timeout);
        } finally {
            tracker.close();
        }
    }

    /** Replaces the store configuration, as an operator editing etc/org.accordpay.store.cfg would. */
    protected void reconfigureStore(String url, String user, String password, String attempt) throws Exception {
        org.osgi.service.cm.Configuration configuration = configurationAdmin.getConfiguration(STORE_PID, "?");
        Dictionary<String, Object> properties = configuration.getProperties() == null
                ? new Hashtable<>() : configuration.getProperties();
        properties.put("url", url);
        properties.put("user", user);
        properties.put("password", password);
        properties.put("attempt", attempt);
        configuration.update(properties);
    }
}
