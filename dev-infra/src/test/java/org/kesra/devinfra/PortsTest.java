package org.kesra.devinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void handsOutDistinctFreePortsBelowTheEphemeralRange() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            int port = Ports.free();
            assertThat(port).isBetween(20000, 31999);
            assertThat(ports.add(port)).isTrue();
        }
    }

    @Test
    void namesTheVariableThatMovesATakenPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(Ports.isFree(taken.getLocalPort())).isFalse();
            assertThatThrownBy(() -> Ports.requireFree(taken.getLocalPort(), "Kafka", "KAFKA_PORT"))
                    .isInstanceOf(InfraStartException.class)
                    .hasMessageContaining("Port " + taken.getLocalPort() + " for Kafka is already in use")
                    .hasMessageContaining("KAFKA_PORT");
        }
    }

    /**
     * A server that accepted a connection and closed it first leaves that connection in TIME_WAIT on its port for
     * about a minute: a restart right after a stop must not be refused for it, while a listener must still count.
     */
    @Test
    void aPortHeldOnlyByConnectionsInTimeWaitIsFreeAndAListenerStillTakesIt() throws Exception {
        int port = Ports.free();
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port);
                 Socket accepted = server.accept()) {
                accepted.close(); // the server side closes first: its end goes to TIME_WAIT
                assertThat(client.getInputStream().read()).isEqualTo(-1);
            }
        }
        assertThat(timeWaitConnectionsOn(port)).as("the stopped server left connections in TIME_WAIT").isPositive();
        try (ServerSocket withoutReuse = new ServerSocket()) {
            withoutReuse.setReuseAddress(false);
            assertThatThrownBy(() -> withoutReuse.bind(new InetSocketAddress(port)))
                    .as("a bind without address reuse is refused meanwhile").isInstanceOf(IOException.class);
        }

        assertThat(Ports.isFree(port)).as("nothing listens").isTrue();

        try (ServerSocket listener = new ServerSocket()) {
            listener.bind(new InetSocketAddress(port));
            assertThat(Ports.isFree(port)).as("a server listens on every address").isFalse();
        }
        try (ServerSocket loopbackListener = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(Ports.isFree(port)).as("a server listens on the loopback address").isFalse();
        }
    }

    /** Connections whose local port is {@code port} in state TIME_WAIT (06), from the kernel's tables. */
    private static long timeWaitConnectionsOn(int port) throws IOException {
        String localPort = ":" + String.format(Locale.ROOT, "%04X", port);
        long count = 0;
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            Path file = Path.of(table);
            if (Files.isReadable(file)) {
                count += Files.readAllLines(file).stream().skip(1).map(String::trim).map(l -> l.split("\\s+"))
                        .filter(f -> f[1].endsWith(localPort) && f[3].equals("06")).count();
            }
        }
        return count;
    }
}
