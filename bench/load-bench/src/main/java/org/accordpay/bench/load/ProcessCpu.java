package org.accordpay.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time (user + system) of the processes that share the machine during a round: Accord's JVM, the
 * MariaDB server and this load generator, read from /proc in clock ticks (100 per core-second).
 */
final class ProcessCpu {

    static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {
    }

    /** @return CPU ticks of the process, or -1 when it cannot be read */
    static long ticks(String pid) {
        if (pid == null || pid.isBlank()) {
            return -1;
        }
        try {
            return ticksOf(Files.readString(Path.of("/proc", pid, "stat")));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** @return CPU ticks of the first process whose command is one of the names, or -1 */
    static long ticksByName(String... names) {
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                if (!p.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    for (String name : names) {
                        if (comm.equals(name)) {
                            return ticksOf(stat);
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    /** @return CPU ticks of this JVM */
    static long self() {
        return ticks(String.valueOf(ProcessHandle.current().pid()));
    }

    private static long ticksOf(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
    }
}
