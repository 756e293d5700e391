package dev.akkoord.dashboard;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Small helpers for HTML answers. */
final class Html {

    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    private Html() {
    }

    static Response ok(String html) {
        return status(200, html);
    }

    static Response status(int status, String html) {
        return Response.status(status).type(HTML).entity(html).build();
    }

    /** The platform's base URL as the browser reached it, e.g. {@code https://consent.example.com}. */
    static String platformUrl(UriInfo uri) {
        String base = uri.getBaseUri().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
