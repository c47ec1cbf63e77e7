package org.accordpay.handset;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accordpay.crypto.SecretBytes;
import org.accordpay.crypto.protocol.Hex;
import org.accordpay.crypto.protocol.ProtocolException;

/** Command-line simulator of the handset agent. Run with --help. */
public final class HandsetSimulator {

    static final String HELP = """
            Accord handset simulator (handset protocol version 1, docs/handset-protocol.md)

            usage: java -jar accord-handset.jar [--state FILE] [--now EPOCH_SECONDS] [--hex] COMMAND ...

              init --nonce HEX --out FILE      make device keys (new state file) and write the
                                               enrolment request for Accord's enrolment nonce
              enrol PACKAGE --pin PIN          install the sealed provisioning package; PIN chosen
                                               now (6-12 digits, common PINs refused)
              show CHALLENGE                   check a sealed challenge and print what the screen
                                               shows; erases the challenged cell at once
              approve CHALLENGE --pin PIN --out FILE
              decline CHALLENGE --pin PIN --out FILE
                                               answer the challenge (shows it first if needed) and
                                               write the response for Accord; any PIN gives a
                                               response, only Accord can tell a wrong one
              change-pin --old PIN --new PIN   re-encode the table under a new PIN
              reprovision-request --challenge HEX --out FILE
                                               ask for a new table generation, bound to the
                                               approved zero-amount reprovision-<n> challenge
              reprovision PACKAGE --pin PIN --out FILE
                                               install the new generation (same device) and write
                                               the signed acknowledgement for Accord
              status                           enrolment, generation, cells left

            options:
              --state FILE   state file (default ./handset.state)
              --now SECONDS  fixed clock (Unix seconds) instead of the system clock
              --hex          write output files as hex text (input files may be binary or hex)
              --pin          omitted: the PIN is read from the console without echo

            A repeated challenge id is ignored; an erased address, an expired, foreign, altered,
            truncated or too-new message is refused (exit code 1). Usage errors exit with 2.
            """;

    private HandsetSimulator() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs one command; returns the exit code (0 ok, 1 refused, 2 usage or I/O). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> opts = new HashMap<>();
        List<String> pos = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                out.print(HELP);
                return 0;
            } else if (a.equals("--hex")) {
                opts.put("hex", "true");
            } else if (a.startsWith("--")) {
                if (i + 1 >= args.length) {
                    err.println("missing value for " + a);
                    return 2;
                }
                opts.put(a.substring(2), args[++i]);
            } else {
                pos.add(a);
            }
        }
        if (pos.isEmpty()) {
            out.print(HELP);
            return 2;
        }
        Path state = Path.of(opts.getOrDefault("state", "handset.state"));
        Clock clock = opts.containsKey("now")
                ? Clock.fixed(Instant.ofEpochSecond(Long.parseLong(opts.get("now"))), ZoneOffset.UTC)
                : Clock.systemUTC();
        boolean hex = opts.containsKey("hex");
        try {
            switch (pos.get(0)) {
                case "init" -> {
                    HandsetAgent agent = HandsetAgent.create(state, clock);
                    write(Path.of(need(opts, "out")), agent.enrolmentRequest(Hex.decode(need(opts, "nonce"))), hex);
                    out.println("device keys made; enrolment request written to " + opts.get("out"));
                    out.println("signing public key " + Hex.encode(agent.signingPublicKey()));
                }
                case "enrol" -> {
                    HandsetAgent agent = HandsetAgent.load(state, clock);
                    char[] pin = pin(opts, "pin");
                    try {
                        agent.enrol(read(arg(pos, 1)), pin);
                    } finally {
                        SecretBytes.zero(pin);
                    }
                    out.println("enrolled: generation " + agent.generation() + ", " + agent.remainingCells() + " cells");
                }
                case "show" -> {
                    HandsetAgent agent = HandsetAgent.load(state, clock);
                    Optional<Display> d = agent.show(read(arg(pos, 1)));
                    out.println(d.map(Display::text).orElse("ignored: challenge already seen"));
                }
                case "approve", "decline" -> {
                    HandsetAgent agent = HandsetAgent.load(state, clock);
                    Optional<Display> d = agent.show(read(arg(pos, 1)));
                    if (d.isEmpty()) {
                        out.println("ignored: challenge already seen");
                        return 1;
                    }
                    out.println(d.get().text());
                    char[] pin = pin(opts, "pin");
                    byte[] response;
                    try {
                        response = pos.get(0).equals("approve") ? agent.approve(pin) : agent.decline(pin);
                    } finally {
                        SecretBytes.zero(pin);
                    }
                    write(Path.of(need(opts, "out")), response, hex);
                    out.println(pos.get(0) + "d; response written to " + opts.get("out"));
                }
                case "change-pin" -> {
                    HandsetAgent agent = HandsetAgent.load(state, clock);
                    char[] oldPin = pin(opts, "old");
                    char[] newPin = pin(opts, "new");
                    try {
                        agent.changePin(oldPin, newPin);
                    } finally {
                        SecretBytes.zero(oldPin);
                        SecretBytes.zero(newPin);
                    }
                    out.println("PIN changed; table re-encoded");
                }
                case "reprovision-request" -> {
                    HandsetAgent agent = HandsetAgent.load(state, clock);
                    write(Path.of(need(opts, "out")), agent.reprovisionRequest(Hex.decode(need(opts, "challenge"))),
                            hex);
                    out.println("re-provisioning request written to " + opts.get("out"));
                }
                case "reprovision" -> {
                    HandsetAgent agent = HandsetAgent.load(state, clock);
                    char[] pin = pin(opts, "pin");
                    byte[] acknowledgement;
                    try {
                        acknowledgement = agent.reprovision(read(arg(pos, 1)), pin);
                    } finally {
                        SecretBytes.zero(pin);
                    }
                    write(Path.of(need(opts, "out")), acknowledgement, hex);
                    out.println("re-provisioned: generation " + agent.generation() + ", " + agent.remainingCells()
                            + " cells; acknowledgement written to " + opts.get("out"));
                }
                case "status" -> {
                    HandsetAgent agent = HandsetAgent.load(state, clock);
                    out.println(agent.enrolled()
                            ? "enrolled: generation " + agent.generation() + ", " + agent.remainingCells() + " cells left"
                            : "not enrolled");
                }
                default -> {
                    err.println("unknown command " + pos.get(0));
                    return 2;
                }
            }
            return 0;
        } catch (ProtocolException e) {
            err.println("refused: " + e.refusal());
            return 1;
        } catch (HandsetException e) {
            err.println("refused: " + e.getMessage());
            return 1;
        } catch (UsageException | IOException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
    }

    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String m) {
            super(m);
        }
    }

    private static String need(Map<String, String> opts, String name) throws UsageException {
        String v = opts.get(name);
        if (v == null) {
            throw new UsageException("missing --" + name);
        }
        return v;
    }

    private static Path arg(List<String> pos, int i) throws UsageException {
        if (pos.size() <= i) {
            throw new UsageException("missing file argument");
        }
        return Path.of(pos.get(i));
    }

    private static char[] pin(Map<String, String> opts, String name) throws UsageException {
        String v = opts.get(name);
        if (v != null) {
            return v.toCharArray();
        }
        if (System.console() == null) {
            throw new UsageException("missing --" + name + " (and no console to read it from)");
        }
        return System.console().readPassword(name.equals("pin") ? "PIN: " : name + " PIN: ");
    }

    /** Binary, or hex text (whitespace allowed). */
    static byte[] read(Path p) throws IOException {
        byte[] raw = Files.readAllBytes(p);
        String text = new String(raw, StandardCharsets.ISO_8859_1).strip();
        if (!text.isEmpty() && text.matches("(?s)[0-9a-fA-F\\s]+") && text.replaceAll("\\s", "").length() % 2 == 0) {
            return Hex.decode(text);
        }
        return raw;
    }

    static void write(Path p, byte[] data, boolean hex) throws IOException {
        Files.write(p, hex ? (Hex.encode(data) + "\n").getBytes(StandardCharsets.US_ASCII) : data);
    }
}
