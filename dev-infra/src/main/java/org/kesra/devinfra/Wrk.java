package org.kesra.devinfra;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Closed-loop HTTP load with wrk (Debian package {@code wrk}) for the services' benchmarks: a C client costs the
 * shared two cores far less than Java client threads (docs/stack.md 25). Each connection is one client; the request
 * paths are {@code pathPrefix + id}, ids taken in turn; every answer but 200 is counted, and any fails the run.
 */
public final class Wrk {

    /**
     * The measured window. {@code serviceCpuMicrosPerRequest} is the CPU the measured process spent per answered
     * request (NaN when no process was named); {@code busyShare} the share of the machine's CPU time that was busy
     * (service, database, wrk and kernel together), {@code stealShare} the share the host took.
     */
    public record Result(double rate, double p50Millis, double p99Millis, double serviceCpuMicrosPerRequest,
                         double busyShare, double stealShare) {

        /** The CPU figures as a benchmark table's cell, {@code whose} naming the measured process; "-" without them. */
        public String cpuCell(String whose) {
            return Double.isNaN(serviceCpuMicrosPerRequest) ? "-" : String.format(java.util.Locale.ROOT,
                    "%s CPU %.0f us per request; machine busy %.0f %%, host steal %.0f %%", whose,
                    serviceCpuMicrosPerRequest, busyShare * 100, stealShare * 100);
        }
    }

    private final Path executable;

    private Wrk(Path executable) {
        this.executable = executable;
    }

    /** wrk from the PATH, unless {@code -Dbench.client=java} asks for the Java client; null when there is none. */
    public static Wrk find() {
        if ("java".equals(System.getProperty("bench.client"))) {
            return null;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "wrk");
            if (Files.isExecutable(candidate)) {
                return new Wrk(candidate);
            }
        }
        return null;
    }

    /** An unmeasured warm-up run, then the measured window. */
    public Result run(int port, String token, String pathPrefix, List<String> ids, int connections, Duration warmup,
                      Duration window) throws Exception {
        return run(port, token, pathPrefix, ids, connections, warmup, window, -1);
    }

    /** The same, also measuring the CPU that process {@code servicePid} spends during the window. */
    public Result run(int port, String token, String pathPrefix, List<String> ids, int connections, Duration warmup,
                      Duration window, long servicePid) throws Exception {
        Path script = Files.createTempFile("wrk-", ".lua");
        StringBuilder lua = new StringBuilder("local ids = {");
        for (String id : ids) {
            lua.append('"').append(id).append("\",");
        }
        lua.append("}\n")
                .append("local i = 0\n")
                .append("local failed = 0\n")
                // Reads of personal data declare their purpose (household-service refuses them without one).
                .append("wrk.headers[\"X-Purpose\"] = \"pengukuran kinerja\"\n")
                .append("request = function()\n")
                .append("  i = i + 1\n")
                .append("  return wrk.format(\"GET\", \"").append(pathPrefix).append("\" .. ids[(i % #ids) + 1])\n")
                .append("end\n")
                .append("response = function(status, headers, body)\n")
                .append("  if status ~= 200 then failed = failed + 1 end\n")
                .append("end\n")
                .append("done = function(summary, latency, requests)\n")
                .append("  io.write(string.format(\"kesra %d %d %d %d\\n\", summary.requests,\n")
                .append("    latency:percentile(50), latency:percentile(99), summary.errors.status))\n")
                .append("end\n");
        Files.writeString(script, lua);
        try {
            if (!warmup.isZero()) {
                once(port, token, script, connections, warmup);
            }
            CpuMeter meter = servicePid > 0 ? CpuMeter.start(servicePid) : null;
            String[] figures = once(port, token, script, connections, window);
            CpuMeter.Reading cpu = meter == null ? null : meter.stop();
            if (Long.parseLong(figures[4]) > 0) {
                throw new IllegalStateException(figures[4] + " requests did not answer 200");
            }
            long requests = Long.parseLong(figures[1]);
            return new Result(requests / (double) window.toSeconds(),
                    Long.parseLong(figures[2]) / 1e3, Long.parseLong(figures[3]) / 1e3,
                    cpu == null || requests == 0 ? Double.NaN : cpu.processCpuSeconds() * 1e6 / requests,
                    cpu == null ? Double.NaN : cpu.busyShare(), cpu == null ? Double.NaN : cpu.stealShare());
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private String[] once(int port, String token, Path script, int connections, Duration duration) throws Exception {
        // Two wrk threads, one per core; the connections are the clients.
        Process process = new ProcessBuilder(executable.toString(), "-t2", "-c" + connections,
                "-d" + duration.toSeconds() + "s", "-s", script.toString(), "-H", "Authorization: Bearer " + token,
                "http://127.0.0.1:" + port).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + output);
        }
        return output.lines().filter(line -> line.startsWith("kesra ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("wrk printed no figures: " + output)).split(" ");
    }
}
