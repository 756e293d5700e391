package dev.akkoord.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * A TCP relay on a loopback port in front of a real server, which a test can {@link #cut()} and {@link #restore()}:
 * cut drops every open connection and closes the port (connections are refused, as when the server is down),
 * restore listens on the same port again. Plain blocking sockets and two threads a connection: it carries a test's
 * few connections, nothing more.
 * <p>
 * Quarkus reads a test profile's settings through one class loader and runs the test in another, so each has its
 * own static fields; {@link #shared} keeps one relay per name in the JVM's platform MBean server, which both loaders
 * reach through JDK types alone.
 */
public final class OutageProxy {

    /** What a relay offers through JMX. */
    public interface Control {
        int getPort();

        void cut();

        void restore();
    }

    private final MBeanServer server;
    private final ObjectName name;

    private OutageProxy(MBeanServer server, ObjectName name) {
        this.server = server;
        this.name = name;
    }

    /** The relay called {@code name}, started on first use; {@code upstream} is asked at every connection. */
    public static OutageProxy shared(String name, Supplier<InetSocketAddress> upstream) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            ObjectName objectName = new ObjectName("dev.akkoord.test:type=OutageProxy,name=" + name);
            synchronized (server) {
                if (!server.isRegistered(objectName)) {
                    server.registerMBean(new StandardMBean(new Relay(upstream), Control.class), objectName);
                }
            }
            return new OutageProxy(server, objectName);
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        try {
            return (Integer) server.getAttribute(name, "Port");
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Drops every connection and refuses new ones. */
    public void cut() {
        invoke("cut");
    }

    /** Accepts connections again, on the same port. */
    public void restore() {
        invoke("restore");
    }

    private void invoke(String operation) {
        try {
            server.invoke(name, operation, null, null);
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Relay implements Control {

        private final int port;
        private final Supplier<InetSocketAddress> upstream;
        private final Set<Socket> open = ConcurrentHashMap.newKeySet();
        private volatile ServerSocket listener;

        Relay(Supplier<InetSocketAddress> upstream) {
            this.upstream = upstream;
            this.listener = listen(0);
            this.port = listener.getLocalPort();
            accept(listener);
        }

        @Override
        public int getPort() {
            return port;
        }

        @Override
        public synchronized void cut() {
            closeQuietly(listener);
            for (Socket socket : open) {
                closeQuietly(socket);
            }
            open.clear();
        }

        @Override
        public synchronized void restore() {
            if (!listener.isClosed()) {
                return;
            }
            listener = listen(port);
            accept(listener);
        }

        private static ServerSocket listen(int port) {
            try {
                ServerSocket socket = new ServerSocket();
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                return socket;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void accept(ServerSocket server) {
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        relay(server.accept());
                    } catch (IOException e) {
                        // closed by cut()
                    }
                }
            }, "outage-proxy-" + port);
            acceptor.setDaemon(true);
            acceptor.start();
        }

        private void relay(Socket client) {
            Socket server;
            try {
                server = new Socket();
                server.connect(upstream.get(), 5_000);
            } catch (IOException e) {
                closeQuietly(client);
                return;
            }
            open.add(client);
            open.add(server);
            pump(client, server);
            pump(server, client);
        }

        private void pump(Socket from, Socket to) {
            Thread pump = new Thread(() -> {
                byte[] buffer = new byte[16 * 1024];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    int read;
                    while ((read = in.read(buffer)) >= 0) {
                        out.write(buffer, 0, read);
                        out.flush();
                    }
                } catch (IOException e) {
                    // one side went away; the finally closes the other
                } finally {
                    closeQuietly(from);
                    closeQuietly(to);
                    open.remove(from);
                    open.remove(to);
                }
            }, "outage-proxy-pump");
            pump.setDaemon(true);
            pump.start();
        }

        private static void closeQuietly(AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // already closed
            }
        }
    }
}
