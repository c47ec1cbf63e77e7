package org.accordpay.itests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The assembled distribution running as a separate process, as an operator runs it: unpacked
 * with tar, started with {@code bin/karaf daemon} in its own session, driven through
 * {@code bin/accord-shell}, and killed with SIGKILL to simulate a crash.
 */
public final class AccordProcess implements AutoCloseable {

    private final Path home;
    private final int sshPort;
    private final int rmiRegistryPort;
    private final int rmiServerPort;
    private final int consolePort;
    private final int restPort;
    private final int operatorPort;
    private Process process;

    private AccordProcess(Path home) {
        this.home = home;
        this.sshPort = FreePorts.next();
        this.rmiRegistryPort = FreePorts.next();
        this.rmiServerPort = FreePorts.next();
        this.consolePort = FreePorts.next();
        this.restPort = FreePorts.next();
        this.operatorPort = FreePorts.next();
    }

    /**
     * Unpacks the distribution archive named by the {@code accord.distribution} system property.
     *
     * @param name a folder name under {@code accord.it.work}, fresh for this instance
     */
    public static AccordProcess unpack(String name) throws IOException, InterruptedException {
        Path archive = Path.of(System.getProperty("accord.distribution"));
        Path work = Path.of(System.getProperty("accord.it.work", "target/it-work")).resolve(name);
        if (Files.exists(work)) {
            run(List.of("rm", "-rf", work.toString()), Duration.ofSeconds(60));
        }
        Files.createDirectories(work);
        run(List.of("tar", "xzf", archive.toString(), "-C", work.toString()), Duration.ofSeconds(120));
        try (var entries = Files.list(work)) {
            Path home = entries.filter(Files::isDirectory).findFirst()
                    .orElseThrow(() -> new IOException("empty archive " + archive));
            AccordProcess accord = new AccordProcess(home);
            // the HTTP servers get free ports too, like ssh and RMI
            accord.configure("org.accordpay.console.cfg", "port", String.valueOf(accord.consolePort));
            accord.configure("org.accordpay.rest.cfg", "port", String.valueOf(accord.restPort));
            // checkout URLs name the consoles' server on its test port
            accord.configure("org.accordpay.rest.cfg", "public.base.url", "https://127.0.0.1:" + accord.consolePort);
            accord.configure("org.accordpay.console.cfg", "operator.port", String.valueOf(accord.operatorPort));
            // written into the file as well: the environment override did not reach Karaf's management
            // (seen: 1099 taken by another distribution on the machine, "Cannot bind to URL rmi://...")
            accord.configure("org.apache.karaf.management.cfg", "rmiRegistryPort",
                    String.valueOf(accord.rmiRegistryPort));
            accord.configure("org.apache.karaf.management.cfg", "rmiServerPort", String.valueOf(accord.rmiServerPort));
            return accord;
        }
    }

    /** Sets (or adds) {@code key = value} in a file of the distribution's {@code etc/}, before a start. */
    public void configure(String file, String key, String value) throws IOException {
        Path cfg = home.resolve("etc").resolve(file);
        StringBuilder out = new StringBuilder();
        boolean found = false;
        for (String line : Files.exists(cfg) ? Files.readAllLines(cfg) : List.<String>of()) {
            if (line.matches("\\s*" + java.util.regex.Pattern.quote(key) + "\\s*=.*")) {
                out.append(key).append(" = ").append(value).append('\n');
                found = true;
            } else {
                out.append(line).append('\n');
            }
        }
        if (!found) {
            out.append(key).append(" = ").append(value).append('\n');
        }
        Files.writeString(cfg, out.toString());
    }

    /** @return the distribution's folder */
    public Path home() {
        return home;
    }

    /** @return the port of the operator shell */
    public int sshPort() {
        return sshPort;
    }

    /** @return the port of the consoles' HTTPS server ({@code https://127.0.0.1:<port>/}) */
    public int consolePort() {
        return consolePort;
    }

    /** @return the consoles' base URL, ending with a slash */
    public String consoleBase() {
        return "https://127.0.0.1:" + consolePort + "/";
    }

    /** @return the merchant API's base URL (no trailing slash) */
    public String apiBase() {
        return "https://127.0.0.1:" + restPort;
    }

    /**
     * Runs operator shell commands and fails on a shell error.
     *
     * @return what the shell printed
     */
    public String operator(String commands) throws IOException, InterruptedException {
        String out = shell(commands, Duration.ofSeconds(60));
        if (out.contains("Error executing command") || out.contains("Command not found")) {
            throw new AssertionError(commands + ":\n" + out);
        }
        return out;
    }

    /** Runs a command until its output contains one of {@code expected} (60 s at most); @return that output. */
    public String awaitShell(String command, String... expected) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String out = "";
        while (System.nanoTime() < deadline) {
            out = shell(command, Duration.ofSeconds(60));
            for (String e : expected) {
                if (out.contains(e)) {
                    return out;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no '" + String.join("' or '", expected) + "' from " + command + " within 60 s:\n"
                + out + "\n" + logTail());
    }

    /** @return the value of a "name : value" line of a shell command's output */
    public static String field(String output, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^" + java.util.regex.Pattern.quote(name)
                + "\\s*:\\s*(\\S+)").matcher(output);
        if (!m.find()) {
            throw new AssertionError(name + " in\n" + output);
        }
        return m.group(1);
    }

    /** @return the port of the operator console ({@code http://127.0.0.1:<port>/}) */
    public int operatorPort() {
        return operatorPort;
    }

    /** Starts Accord with no extra system properties. */
    public AccordProcess start() throws IOException {
        return start(Map.of());
    }

    /**
     * Starts Accord in its own session.
     *
     * @param systemProperties extra JVM system properties, e.g. {@code accord.fault}
     */
    public AccordProcess start(Map<String, String> systemProperties) throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        StringBuilder javaOpts = new StringBuilder();
        systemProperties.forEach((key, value) -> javaOpts.append(" -D").append(key).append('=').append(value));
        ProcessBuilder builder = new ProcessBuilder("setsid", home.resolve("bin/karaf").toString(), "daemon")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        builder.environment().putAll(environment());
        builder.environment().put("EXTRA_JAVA_OPTS", javaOpts.toString().trim());
        process = builder.start();
        return this;
    }

    /**
     * Waits until {@code accord:status} answers READY.
     *
     * @return how long it took from now
     * @throws AssertionError when the process died or did not get ready in time
     */
    public Duration awaitReady(Duration timeout) throws IOException, InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("Accord exited with status " + process.exitValue() + " before it was ready; "
                        + "console: " + tail(home.resolve("console.log")));
            }
            last = shell("accord:status", Duration.ofSeconds(30));
            if (last.startsWith("READY")) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Accord not ready within " + timeout + "; last status: " + last);
    }

    /**
     * Runs shell commands as the local operator through {@code bin/accord-shell}.
     *
     * @return what the shell printed (stdout and stderr)
     */
    public String shell(String commands, Duration timeout) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/accord-shell").toString())
                .directory(home.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment());
        Process client = builder.start();
        client.getOutputStream().write((commands + "\n").getBytes(StandardCharsets.UTF_8));
        client.getOutputStream().close();
        byte[] output = client.getInputStream().readAllBytes();
        if (!client.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            client.destroyForcibly();
            throw new AssertionError("shell command timed out: " + commands);
        }
        return new String(output, StandardCharsets.UTF_8).replaceAll("\u001B\\[[;\\d]*m", "");
    }

    /** Kills the JVM with SIGKILL, as a power cut would; returns when it is gone. */
    public void kill9() throws InterruptedException {
        if (process == null) {
            return;
        }
        // the session leader may be a shell: kill every process of the session, JVM included
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : all) {
            handle.onExit().join();
        }
        process.waitFor();
    }

    /**
     * Waits for the process to end by itself (e.g. at a fault point).
     *
     * @return its exit status
     */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("Accord still running after " + timeout);
        }
        return process.exitValue();
    }

    /** @return true while the server process runs */
    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** @return the last lines of Karaf's log, for failure messages */
    public String logTail() {
        return tail(home.resolve("data/log/karaf.log"));
    }

    @Override
    public void close() throws InterruptedException {
        kill9();
    }

    private Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ORG_APACHE_KARAF_SHELL_SSHPORT", String.valueOf(sshPort));
        env.put("ORG_APACHE_KARAF_MANAGEMENT_RMIREGISTRYPORT", String.valueOf(rmiRegistryPort));
        env.put("ORG_APACHE_KARAF_MANAGEMENT_RMISERVERPORT", String.valueOf(rmiServerPort));
        env.put("ORG_ACCORDPAY_REST_PORT", String.valueOf(restPort));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        return env;
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no " + file.getFileName() + ")";
        }
    }

    private static void run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || p.exitValue() != 0) {
            throw new UncheckedIOException(new IOException("failed: " + command));
        }
    }
}
