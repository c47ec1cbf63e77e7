package org.accordpay.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs operator commands through the distribution's {@code bin/accord-shell}, many per ssh session. */
final class OperatorShell {

    private final Path home;

    OperatorShell(Path home) {
        this.home = home;
    }

    /** @return what the shell printed, stdout and stderr, colours removed */
    String run(List<String> commands) throws IOException, InterruptedException {
        Process client = new ProcessBuilder(home.resolve("bin/accord-shell").toString()).directory(home.toFile())
                .redirectErrorStream(true).start();
        client.getOutputStream().write((String.join("\n", commands) + "\n").getBytes(StandardCharsets.UTF_8));
        client.getOutputStream().close();
        byte[] output = client.getInputStream().readAllBytes();
        if (!client.waitFor(10, TimeUnit.MINUTES)) {
            client.destroyForcibly();
            throw new IOException("shell timed out: " + commands.get(0) + " ...");
        }
        return new String(output, StandardCharsets.UTF_8).replaceAll("\u001B\\[[;\\d]*m", "");
    }

    String run(String command) throws IOException, InterruptedException {
        return run(List.of(command));
    }
}
