package dev.akkoord.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * A script of the widget build that the banner loads only where it is needed (the cookie declaration, the
 * cross-domain part), read once from the class path and answered with a short cache, an ETag and the headers that let
 * any page load it. Compression comes from the HTTP layer.
 */
public final class BundledScript {

    private static final String CACHE = "public, max-age=300, stale-while-revalidate=86400";

    private final Optional<byte[]> script;
    private final String etag;
    private final String missing;

    /** {@code missing} is the 404's text where the build left the script out. */
    public BundledScript(String resource, String missing) {
        this.script = load(resource);
        this.etag = script.map(bytes -> "\"" + Sha256.hex(bytes).substring(0, 16) + "\"").orElse(null);
        this.missing = missing;
    }

    public Response response(String ifNoneMatch) {
        byte[] body = script.orElseThrow(() -> ProblemException.notFound(missing));
        Response.ResponseBuilder response = etag.equals(ifNoneMatch) ? Response.notModified() : Response.ok(body);
        return response.type("text/javascript; charset=utf-8")
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, CACHE)
                .header("Access-Control-Allow-Origin", "*")
                .header("Cross-Origin-Resource-Policy", "cross-origin")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private static Optional<byte[]> load(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
