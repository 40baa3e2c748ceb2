package org.kesra.devinfra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Port checks done before a server starts, so a taken port is reported by name instead of as a bind stack trace. */
public final class Ports {

    private Ports() {
    }

    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new InfraStartException("no free local port: " + e.getMessage());
        }
    }

    /** Fails when something already listens on the port; {@code setting} names the variable that moves it. */
    public static void requireFree(int port, String what, String setting) {
        if (!isFree(port)) {
            throw new InfraStartException("Port " + port + " for " + what + " is already in use: stop what listens"
                    + " there (ss -ltnp 'sport = :" + port + "') or set " + setting + " to another port.");
        }
    }

    public static boolean isFree(int port) {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 300);
            return false;
        } catch (IOException nobodyListens) {
            // fall through to a bind attempt: a server bound to another interface still blocks us
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
