package org.kesra.devinfra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CpuMeterTest {

    @Test
    void countsTheCpuThisProcessSpendsAndNotTheTimeItWaits() throws InterruptedException {
        CpuMeter busy = CpuMeter.start(ProcessHandle.current().pid());
        assertThat(busy).as("Linux has /proc").isNotNull();
        // Spin until this thread has had 400 ms of CPU, however busy the machine is.
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long until = threads.getCurrentThreadCpuTime() + 400_000_000L;
        long spin = 0;
        while (threads.getCurrentThreadCpuTime() < until) {
            spin += Long.numberOfTrailingZeros(spin + System.nanoTime());
        }
        CpuMeter.Reading spent = busy.stop();
        // The kernel counts in ticks of 10 ms; the JVM's own threads may add a little.
        assertThat(spent.processCpuSeconds()).as("400 ms of CPU spinning (spin %d)", spin).isBetween(0.37, 5.0);
        assertThat(spent.stealShare()).isBetween(0.0, 1.0);
        assertThat(spent.busyShare()).as("one of the cores was busy with this thread").isBetween(0.2, 1.0);

        CpuMeter idle = CpuMeter.start(ProcessHandle.current().pid());
        Thread.sleep(400);
        assertThat(idle.stop().processCpuSeconds()).as("400 ms asleep").isLessThan(0.2);
    }
}
