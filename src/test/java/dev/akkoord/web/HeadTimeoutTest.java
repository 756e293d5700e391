package dev.akkoord.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.akkoord.testsupport.ManagementPort;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * Slowloris: a client that trickles its request headers a byte at a time must not hold a connection for ever. Vert.x
 * alone keeps such a connection open as long as each byte comes before the idle timeout.
 */
@QuarkusTest
@TestProfile(HeadTimeoutTest.OneSecondForHeads.class)
class HeadTimeoutTest {

    private static final int TIMEOUT_MILLIS = 1000;
    /** Far longer than the deadline: a connection still open when the trickle ends was not timed at all. */
    private static final long TRICKLE_MILLIS = 8000;

    public static final class OneSecondForHeads implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("akkoord.http.header-timeout", TIMEOUT_MILLIS + "ms");
        }
    }

    @Test
    void aTrickledHeadIsAnswered408AndTheConnectionClosed() throws Exception {
        try (RawConnection connection = new RawConnection(RestAssured.port)) {
            connection.send("GET /api/v1/consents/x HTTP/1.1\r\nHost: localhost\r\n");
            Thread trickle = connection.trickleInBackground("X-Slow: " + "a".repeat(200) + "\r\n\r\n");

            RawResponse answer = connection.readResponse();

            assertNotNull(answer, "closed without an answer");
            assertEquals(408, answer.status(), answer.toString());
            assertEquals(Problem.MEDIA_TYPE, answer.header("content-type"));
            assertTrue(answer.body().contains("\"status\":408"), answer.body());
            assertTrue(connection.closedByServer(), "the connection stays open after the 408");
            assertTrue(trickle.isAlive(), "the client was still sending its head when the server gave up");
        }
    }

    @Test
    void theManagementPortTimesHeadsToo() throws Exception {
        try (RawConnection connection = new RawConnection(ManagementPort.port())) {
            connection.send("GET /q/health HTTP/1.1\r\nHost: localhost\r\n");
            connection.trickleInBackground("X-Slow: " + "a".repeat(200) + "\r\n\r\n");

            RawResponse answer = connection.readResponse();

            assertNotNull(answer, "closed without an answer");
            assertEquals(408, answer.status(), answer.toString());
        }
    }

    @Test
    void aConnectionThatSendsNothingIsClosedWithoutAnAnswer() throws Exception {
        try (RawConnection connection = new RawConnection(RestAssured.port)) {
            assertNull(connection.readResponse(), "no request, so nothing to answer");
            assertTrue(connection.closedByServer());
        }
    }

    @Test
    void anIdleKeepAliveConnectionStaysOpenAndServesTheNextRequest() throws Exception {
        try (RawConnection connection = new RawConnection(RestAssured.port)) {
            connection.send(request("/api/v1/consents/unknown"));
            assertNotNull(connection.readResponse());

            Thread.sleep(2L * TIMEOUT_MILLIS);
            connection.send(request("/api/v1/consents/unknown"));
            RawResponse second = connection.readResponse();

            assertNotNull(second, "an idle keep-alive connection was closed by the head deadline");
            assertNotEquals(408, second.status(), second.toString());
        }
    }

    @Test
    void aLaterHeadOnAKeepAliveConnectionIsTimedFromItsFirstByte() throws Exception {
        try (RawConnection connection = new RawConnection(RestAssured.port)) {
            connection.send(request("/api/v1/consents/unknown"));
            assertNotNull(connection.readResponse());
            // Idle for longer than the deadline: only the head's own first byte may start its clock.
            Thread.sleep(2L * TIMEOUT_MILLIS);

            connection.send("GET /api/v1/consents/unknown HTTP/1.1\r\n");
            connection.trickleInBackground("Host: localhost\r\nX-Slow: " + "a".repeat(200) + "\r\n\r\n");
            RawResponse answer = connection.readResponse();

            assertNotNull(answer, "closed without an answer: the clock started before the head did");
            assertEquals(408, answer.status(), answer.toString());
        }
    }

    @Test
    void pipelinedRequestsAreAllAnsweredAndTheConnectionOutlivesTheDeadline() throws Exception {
        try (RawConnection connection = new RawConnection(RestAssured.port)) {
            connection.send(request("/api/v1/consents/unknown").repeat(3));
            for (int i = 0; i < 3; i++) {
                RawResponse answer = connection.readResponse();
                assertNotNull(answer, "answer " + (i + 1) + " of 3 is missing");
                assertEquals(400, answer.status(), answer.toString());
            }

            Thread.sleep(2L * TIMEOUT_MILLIS);
            connection.send(request("/api/v1/consents/unknown"));
            RawResponse fourth = connection.readResponse();

            assertNotNull(fourth, "closed after pipelined requests");
            assertEquals(400, fourth.status(), fourth.toString());
        }
    }

    @Test
    void aSlowBodyIsNotCutByTheHeadDeadline() throws Exception {
        String body = "{\"siteId\":\"00000000-0000-0000-0000-000000000000\"," + " ".repeat(20) + "\"x\":1}";
        try (RawConnection connection = new RawConnection(RestAssured.port)) {
            connection.send("POST /api/v1/consents HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n");
            connection.trickle(body, 3L * TIMEOUT_MILLIS);

            RawResponse answer = connection.readResponse();

            assertNotNull(answer, "the connection was closed while the body was arriving");
            assertNotEquals(408, answer.status(), answer.toString());
        }
    }

    private static String request(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
    }

    record RawResponse(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** A plain socket, so that the test decides exactly when each byte leaves. */
    private static final class RawConnection implements AutoCloseable {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private boolean eof;

        RawConnection(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout((int) TRICKLE_MILLIS + 2000);
            socket.setTcpNoDelay(true);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }

        void send(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        /** Sends one byte at a time, spread over {@code millis}. */
        void trickle(String text, long millis) throws IOException, InterruptedException {
            long pause = Math.max(1, millis / text.length());
            for (char c : text.toCharArray()) {
                send(String.valueOf(c));
                Thread.sleep(pause);
            }
        }

        /** Trickles over {@link #TRICKLE_MILLIS} from another thread; stops quietly once the server has closed. */
        Thread trickleInBackground(String text) {
            Thread thread = new Thread(() -> {
                try {
                    trickle(text, TRICKLE_MILLIS);
                } catch (IOException | InterruptedException closedOrDone) {
                    // The server closed the connection: what this test waits for.
                }
            }, "slowloris");
            thread.setDaemon(true);
            thread.start();
            return thread;
        }

        /** The next response, or null if the server closed the connection before sending one. */
        RawResponse readResponse() throws IOException {
            String head = readHead();
            if (head == null) {
                return null;
            }
            String[] lines = head.split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new java.util.HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            return new RawResponse(status, headers, new String(in.readNBytes(length), StandardCharsets.UTF_8));
        }

        private String readHead() throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (true) {
                int b = in.read();
                if (b < 0) {
                    eof = true;
                    return head.size() == 0 ? null : head.toString(StandardCharsets.US_ASCII);
                }
                head.write(b);
                String text = head.toString(StandardCharsets.US_ASCII);
                if (text.endsWith("\r\n\r\n")) {
                    return text.substring(0, text.length() - 4);
                }
            }
        }

        boolean closedByServer() throws IOException {
            return eof || in.read() < 0;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
