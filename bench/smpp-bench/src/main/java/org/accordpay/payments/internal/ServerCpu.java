package org.accordpay.payments.internal;

import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time of the local MariaDB server process, read from /proc (clock ticks), or -1 where it cannot be read. */
final class ServerCpu {

    private ServerCpu() {
    }

    static long ticks() {
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                if (!p.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (comm.equals("mariadbd") || comm.equals("mysqld")) {
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
                    }
                } catch (java.io.IOException | RuntimeException e) {
                    // a process that ended meanwhile
                }
            }
        } catch (java.io.IOException e) {
            return -1;
        }
        return -1;
    }
}
