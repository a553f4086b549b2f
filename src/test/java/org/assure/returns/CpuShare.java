package org.assure.returns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where the machine's CPU went during a run, from Linux's /proc: this JVM (clients and server together), the
 * database server, and everything else. On a shared two-core machine "everything else" tells whether a run's
 * figures can be trusted. Elsewhere (no /proc) it reports nothing.
 */
record CpuShare(long total, long idle, long self, long database) {
    static Optional<CpuShare> now() {
        try {
            long[] cpu = Arrays.stream(Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+"))
                    .skip(1).mapToLong(Long::parseLong).toArray();
            long total = Arrays.stream(cpu).limit(8).sum(); // user … steal; guest time is already in user
            long idle = cpu[3] + cpu[4];
            return Optional.of(new CpuShare(total, idle, ticks("self"), databasePid().map(CpuShare::ticks).orElse(0L)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Percentages of the whole machine between {@code before} and this. */
    String since(CpuShare before) {
        double all = total - before.total;
        double busy = all - (idle - before.idle);
        double mine = self - before.self;
        double db = database - before.database;
        return String.format("machine busy %.0f%%: this JVM %.0f%%, database %.0f%%, everything else %.0f%%",
                100 * busy / all, 100 * mine / all, 100 * db / all, 100 * (busy - mine - db) / all);
    }

    private static Optional<String> databasePid() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/mariadbd") || c.endsWith("/mysqld")).orElse(false))
                .map(p -> String.valueOf(p.pid())).findFirst();
    }

    /** utime + stime of a process, in the same clock ticks as /proc/stat. */
    private static long ticks(String pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException e) {
            return 0;
        }
    }
}
