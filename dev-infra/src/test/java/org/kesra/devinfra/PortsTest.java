package org.kesra.devinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
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
}
