package dev.akkoord.cdn;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.management.Attribute;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real HTTP server on loopback that the suite's purge webhook ({@code akkoord.cdn.purge-webhook}) points at, for
 * every @QuarkusTest (no test profile of its own: the service needs no restart for it). It records each POST
 * (signature header and body) and answers 204, or 503 while {@link #failing(boolean)}.
 * <p>
 * The resource is started through one class loader and the test runs in another, so the one receiver lives in the
 * platform MBean server, reached through JDK types alone (as {@code OutageProxy} does).
 */
@QuarkusTestResource(PurgeReceiver.Resource.class)
public final class PurgeReceiver {

    static final String SECRET = "test-purge-secret";
    private static final String PATH = "/purge";

    /** What the receiver offers through JMX. */
    public interface Control {
        int getPort();

        /** Each POST so far as {@code <signature header> <body>}. */
        String[] getReceived();

        void setFailing(boolean failing);
    }

    private final MBeanServer server;
    private final ObjectName name;

    private PurgeReceiver(MBeanServer server, ObjectName name) {
        this.server = server;
        this.name = name;
    }

    static PurgeReceiver shared() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            ObjectName objectName = new ObjectName("dev.akkoord.test:type=PurgeReceiver");
            synchronized (server) {
                if (!server.isRegistered(objectName)) {
                    server.registerMBean(new StandardMBean(new Receiver(), Control.class), objectName);
                }
            }
            return new PurgeReceiver(server, objectName);
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + attribute("Port") + PATH;
    }

    /** Each POST so far, as {@code <signature header> <body>}. */
    List<String> received() {
        return List.of((String[]) attribute("Received"));
    }

    void failing(boolean failing) {
        try {
            server.setAttribute(name, new Attribute("Failing", failing));
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object attribute(String attribute) {
        try {
            return server.getAttribute(name, attribute);
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Points the service's purge webhook at the receiver, signed with {@link #SECRET}. */
    public static final class Resource implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            return Map.of("akkoord.cdn.purge-webhook", shared().url(), "akkoord.cdn.purge-secret", SECRET);
        }

        @Override
        public void stop() {
            // shared by every start of the service in this JVM; a daemon thread, gone with it
        }
    }

    private static final class Receiver implements Control {

        private final List<String> received = new CopyOnWriteArrayList<>();
        private final HttpServer http;
        private volatile boolean failing;

        Receiver() {
            try {
                http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            http.createContext(PATH, this::handle);
            http.start();
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                String signature = exchange.getRequestHeaders().getFirst(PurgeNotice.SIGNATURE_HEADER);
                received.add(signature + " " + body);
                exchange.sendResponseHeaders(failing ? 503 : 204, -1);
            }
        }

        @Override
        public int getPort() {
            return http.getAddress().getPort();
        }

        @Override
        public String[] getReceived() {
            return received.toArray(String[]::new);
        }

        @Override
        public void setFailing(boolean failing) {
            this.failing = failing;
        }
    }
}
