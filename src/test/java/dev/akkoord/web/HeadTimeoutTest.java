package dev.akkoord.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import dev.akkoord.testsupport.ManagementPort;
import dev.akkoord.testsupport.RawHttpConnection;
import dev.akkoord.testsupport.TunedSettingsProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * Slowloris: a client that trickles its request headers a byte at a time must not hold a connection for ever. Vert.x
 * alone keeps such a connection open as long as each byte comes before the idle timeout.
 */
@QuarkusTest
@TestProfile(TunedSettingsProfile.class)
class HeadTimeoutTest {

    private static final int TIMEOUT_MILLIS = TunedSettingsProfile.HEAD_TIMEOUT_MILLIS;
    /** Far longer than the deadline: a connection still open when the trickle ends was not timed at all. */
    private static final long TRICKLE_MILLIS = 8000;

    @Test
    void aTrickledHeadIsAnswered408AndTheConnectionClosed() throws Exception {
        try (RawHttpConnection connection = connect(RestAssured.port)) {
            connection.send("GET /api/v1/consents/x HTTP/1.1\r\nHost: localhost\r\n");
            Thread trickle = connection.trickleInBackground("X-Slow: " + "a".repeat(200) + "\r\n\r\n", TRICKLE_MILLIS);

            RawHttpConnection.RawResponse answer = connection.readResponse();

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
        try (RawHttpConnection connection = connect(ManagementPort.port())) {
            connection.send("GET /q/health HTTP/1.1\r\nHost: localhost\r\n");
            connection.trickleInBackground("X-Slow: " + "a".repeat(200) + "\r\n\r\n", TRICKLE_MILLIS);

            RawHttpConnection.RawResponse answer = connection.readResponse();

            assertNotNull(answer, "closed without an answer");
            assertEquals(408, answer.status(), answer.toString());
        }
    }

    @Test
    void aConnectionThatSendsNothingIsClosedWithoutAnAnswer() throws Exception {
        try (RawHttpConnection connection = connect(RestAssured.port)) {
            assertNull(connection.readResponse(), "no request, so nothing to answer");
            assertTrue(connection.closedByServer());
        }
    }

    @Test
    void anIdleKeepAliveConnectionStaysOpenAndServesTheNextRequest() throws Exception {
        try (RawHttpConnection connection = connect(RestAssured.port)) {
            connection.send(request("/api/v1/consents/unknown"));
            assertNotNull(connection.readResponse());

            Thread.sleep(2L * TIMEOUT_MILLIS);
            connection.send(request("/api/v1/consents/unknown"));
            RawHttpConnection.RawResponse second = connection.readResponse();

            assertNotNull(second, "an idle keep-alive connection was closed by the head deadline");
            assertNotEquals(408, second.status(), second.toString());
        }
    }

    @Test
    void aLaterHeadOnAKeepAliveConnectionIsTimedFromItsFirstByte() throws Exception {
        try (RawHttpConnection connection = connect(RestAssured.port)) {
            connection.send(request("/api/v1/consents/unknown"));
            assertNotNull(connection.readResponse());
            // Idle for longer than the deadline: only the head's own first byte may start its clock.
            Thread.sleep(2L * TIMEOUT_MILLIS);

            connection.send("GET /api/v1/consents/unknown HTTP/1.1\r\n");
            connection.trickleInBackground("Host: localhost\r\nX-Slow: " + "a".repeat(200) + "\r\n\r\n", TRICKLE_MILLIS);
            RawHttpConnection.RawResponse answer = connection.readResponse();

            assertNotNull(answer, "closed without an answer: the clock started before the head did");
            assertEquals(408, answer.status(), answer.toString());
        }
    }

    @Test
    void pipelinedRequestsAreAllAnsweredAndTheConnectionOutlivesTheDeadline() throws Exception {
        try (RawHttpConnection connection = connect(RestAssured.port)) {
            connection.send(request("/api/v1/consents/unknown").repeat(3));
            for (int i = 0; i < 3; i++) {
                RawHttpConnection.RawResponse answer = connection.readResponse();
                assertNotNull(answer, "answer " + (i + 1) + " of 3 is missing");
                assertEquals(400, answer.status(), answer.toString());
            }

            Thread.sleep(2L * TIMEOUT_MILLIS);
            connection.send(request("/api/v1/consents/unknown"));
            RawHttpConnection.RawResponse fourth = connection.readResponse();

            assertNotNull(fourth, "closed after pipelined requests");
            assertEquals(400, fourth.status(), fourth.toString());
        }
    }

    @Test
    void aSlowBodyIsNotCutByTheHeadDeadline() throws Exception {
        String body = "{\"siteId\":\"00000000-0000-0000-0000-000000000000\"," + " ".repeat(20) + "\"x\":1}";
        try (RawHttpConnection connection = connect(RestAssured.port)) {
            connection.send("POST /api/v1/consents HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n");
            connection.trickle(body, 3L * TIMEOUT_MILLIS);

            RawHttpConnection.RawResponse answer = connection.readResponse();

            assertNotNull(answer, "the connection was closed while the body was arriving");
            assertNotEquals(408, answer.status(), answer.toString());
        }
    }

    private static RawHttpConnection connect(int port) throws IOException {
        return new RawHttpConnection(port, (int) TRICKLE_MILLIS + 2000);
    }

    private static String request(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
    }
}
