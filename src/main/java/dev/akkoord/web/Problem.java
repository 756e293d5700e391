package dev.akkoord.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.Response;

/** Builds RFC 9457 problem responses. */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problem() {
    }

    public static Response response(int status, String title, String detail) {
        return response(status, title, detail, Map.of());
    }

    public static Response response(int status, String title, String detail, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.putAll(extra);
        Response.ResponseBuilder builder = Response.status(status).type(MEDIA_TYPE).entity(body);
        Object retryAfter = extra.get("retryAfter");
        if (retryAfter != null) {
            builder.header("Retry-After", retryAfter.toString());
        }
        return builder.build();
    }

    public static Response response(ProblemException problem) {
        return response(problem.status(), problem.title(), problem.getMessage(), problem.extra());
    }
}
