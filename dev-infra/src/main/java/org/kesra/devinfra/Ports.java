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

    /**
     * A port nothing listens on, chosen below Linux's ephemeral range (32768-60999): a port the kernel hands out
     * (port 0) can be taken by an outgoing connection before the server that was meant to get it binds it.
     */
    public static int free() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int candidate = LOW + RANDOM.nextInt(HIGH - LOW);
            // Never the same port twice from one JVM: several servers are given ports before any binds.
            if (isFree(candidate) && HANDED_OUT.add(candidate)) {
                return candidate;
            }
        }
        throw new InfraStartException("no free local port between " + LOW + " and " + HIGH);
    }

    private static final int LOW = 20000;
    private static final int HIGH = 32000;
    private static final java.util.Random RANDOM = new java.security.SecureRandom();
    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

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
        // With address reuse, as every server started here binds (the JDK sets SO_REUSEADDR on server sockets):
        // connections in TIME_WAIT from a server stopped moments ago, which hold the port for about a minute, do not
        // count as taken, while a socket listening on any address still does (Linux refuses that bind even so).
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
