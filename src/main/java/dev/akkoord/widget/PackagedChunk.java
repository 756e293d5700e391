package dev.akkoord.widget;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import dev.akkoord.web.ProblemException;
import dev.akkoord.web.Sha256;

/**
 * A script of the banner that only some pages load (the cookie declaration, the embed placeholders): read once from
 * the packaged widget and served to any origin with an ETag, fresh for five minutes. Compression comes from the HTTP
 * layer.
 */
public final class PackagedChunk {

    private static final String CACHE = "public, max-age=300, stale-while-revalidate=86400";

    private final String what;
    private final Optional<byte[]> script;
    private final String etag;

    private PackagedChunk(String what, Optional<byte[]> script) {
        this.what = what;
        this.script = script;
        this.etag = script.map(bytes -> "\"" + Sha256.hex(bytes).substring(0, 16) + "\"").orElse(null);
    }

    /** The class-path resource {@code resource}; {@code what} names it in the 404 of a release built without it. */
    public static PackagedChunk load(String resource, String what) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            return new PackagedChunk(what, in == null ? Optional.empty() : Optional.of(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    /** 200 with the script, or 304 when If-None-Match names it. */
    public Response answer(String ifNoneMatch) {
        byte[] body = script.orElseThrow(() -> ProblemException.notFound(
                "The " + what + " was not built into this release"));
        Response.ResponseBuilder response = Conditional.matches(ifNoneMatch, etag) ? Response.notModified()
                : Response.ok(body);
        return response.type("text/javascript; charset=utf-8")
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, CACHE)
                .header("Access-Control-Allow-Origin", "*")
                .header("Cross-Origin-Resource-Policy", "cross-origin")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
