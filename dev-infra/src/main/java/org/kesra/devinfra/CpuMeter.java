package org.kesra.devinfra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU used by one process, and the machine's steal time, over a measured window, from Linux's /proc. Requests per
 * second on these shared two-core VMs move by a third between runs of the same code (a plain JDBC baseline went from
 * 20,000 to 31,000 lookups/s within an hour); the service's CPU time per request moves far less, so it is what a
 * change to the request path is judged by, and the steal share shows when the host took the cores away.
 */
public final class CpuMeter {

    /**
     * What the window cost: the process's CPU (user + system), the share of the machine's CPU time that was busy
     * (anything but idle and I/O wait, whichever process), and the share the host stole.
     */
    public record Reading(double processCpuSeconds, double busyShare, double stealShare) {
    }

    /** USER_HZ, the unit of /proc's CPU times: 100 on every Linux architecture the project runs on. */
    private static final double TICKS_PER_SECOND = 100;

    private final long pid;
    private long processTicks;
    private long[] machine;

    private CpuMeter(long pid) {
        this.pid = pid;
    }

    /** Starts measuring; null where there is no /proc (the benchmark then reports no CPU figure). */
    public static CpuMeter start(long pid) {
        if (!Files.isReadable(Path.of("/proc", Long.toString(pid), "stat"))) {
            return null;
        }
        CpuMeter meter = new CpuMeter(pid);
        meter.processTicks = meter.processTicks();
        meter.machine = machineTicks();
        return meter;
    }

    public Reading stop() {
        long process = processTicks() - processTicks;
        long[] now = machineTicks();
        long total = 0;
        for (int i = 0; i < now.length; i++) {
            total += now[i] - machine[i];
        }
        long idle = now[3] - machine[3] + (now.length > 4 ? now[4] - machine[4] : 0);
        long steal = now.length > 7 ? now[7] - machine[7] : 0;
        return new Reading(process / TICKS_PER_SECOND, total == 0 ? 0 : (total - idle - steal) / (double) total,
                total == 0 ? 0 : steal / (double) total);
    }

    /** utime + stime of /proc/PID/stat (fields 14 and 15; the command name in field 2 may contain spaces). */
    private long processTicks() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the CPU time of process " + pid, e);
        }
    }

    /** The "cpu" line of /proc/stat: user nice system idle iowait irq softirq steal ... */
    private static long[] machineTicks() {
        try {
            String line = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] fields = line.trim().split("\\s+");
            long[] ticks = new long[Math.min(8, fields.length - 1)];
            for (int i = 0; i < ticks.length; i++) {
                ticks[i] = Long.parseLong(fields[i + 1]);
            }
            return ticks;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/stat", e);
        }
    }
}
