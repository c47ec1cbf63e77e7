package org.accordpay.bench.load;

import java.time.Duration;
import java.util.Optional;

/**
 * CPU time (user + system) of the processes that share the machine during a round: Accord's JVM, the
 * MariaDB server and this load generator, as the operating system reports it ({@link ProcessHandle}).
 */
final class ProcessCpu {

    private ProcessCpu() {
    }

    /** @return the CPU time of the process with this pid, or -1 s when it cannot be read */
    static Duration of(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid.strip())).flatMap(p -> p.info().totalCpuDuration())
                    .orElse(Duration.ofSeconds(-1));
        } catch (RuntimeException e) {
            return Duration.ofSeconds(-1);
        }
    }

    /** @return the CPU time of the MariaDB server running on this machine, or -1 s */
    static Duration mariadb() {
        Optional<Duration> cpu = ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/mariadbd") || c.endsWith("/mysqld")).orElse(false))
                .findFirst().flatMap(p -> p.info().totalCpuDuration());
        return cpu.orElse(Duration.ofSeconds(-1));
    }

    /** @return the CPU time of this JVM */
    static Duration self() {
        return of(String.valueOf(ProcessHandle.current().pid()));
    }
}
