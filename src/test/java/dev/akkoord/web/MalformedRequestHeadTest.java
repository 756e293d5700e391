package dev.akkoord.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.akkoord.testsupport.ManagementPort;
import dev.akkoord.testsupport.RawHttpConnection;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** An HTTP/1.1 request without a Host header is the client's mistake: a 400 problem+json on either port, not a 500. */
@QuarkusTest
class MalformedRequestHeadTest {

    @Test
    void aRequestWithoutHostIsABadRequestOnTheMainPort() throws Exception {
        assertBadRequestWithoutHost(RestAssured.port, "/akkoord.js");
    }

    @Test
    void aRequestWithoutHostIsABadRequestOnTheManagementPort() throws Exception {
        assertBadRequestWithoutHost(ManagementPort.port(), "/q/health/live");
    }

    private static void assertBadRequestWithoutHost(int port, String path) throws Exception {
        try (RawHttpConnection connection = new RawHttpConnection(port, 10_000)) {
            connection.send("GET " + path + " HTTP/1.1\r\n\r\n");

            RawHttpConnection.RawResponse answer = connection.readResponse();

            assertNotNull(answer, "closed without an answer");
            assertEquals(400, answer.status(), answer.toString());
            assertEquals(Problem.MEDIA_TYPE, answer.header("content-type"), answer.toString());
            assertTrue(answer.body().contains("\"status\":400") && answer.body().contains("Host"), answer.body());
        }
    }
}
