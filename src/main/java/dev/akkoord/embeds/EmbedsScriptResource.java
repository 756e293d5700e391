package dev.akkoord.embeds;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.akkoord.web.ApiDocument;
import dev.akkoord.web.ApiKeys;
import dev.akkoord.web.ProblemException;
import io.smallrye.common.annotation.NonBlocking;

/**
 * Serves the embed placeholders script ({@code web-widget/src/embeds.js}, built into
 * {@code widget/akkoord-embeds.js}), which the banner loads on pages with an
 * {@code <iframe data-category data-src>}. Served like the cookie declaration script; compression comes from
 * the HTTP layer.
 */
@Path("/akkoord-embeds.js")
@Tag(name = "Banner")
public final class EmbedsScriptResource {

    static final String RESOURCE = "widget/akkoord-embeds.js";
    private static final String CACHE = "public, max-age=300, stale-while-revalidate=86400";

    private final Optional<byte[]> script;
    private final String etag;

    EmbedsScriptResource() {
        this.script = load();
        this.etag = script.map(bytes -> "\"" + ApiKeys.sha256Hex(new String(bytes, java.nio.charset.StandardCharsets.UTF_8))
                .substring(0, 16) + "\"").orElse(null);
    }

    @GET
    @NonBlocking
    @Operation(summary = "The embed placeholders script (public; five minutes, ETag and 304)")
    @APIResponse(responseCode = "200", ref = ApiDocument.SCRIPT)
    @APIResponse(responseCode = "404", description = "No embed placeholders script in this release")
    public Response embedsScript(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        byte[] body = script.orElseThrow(() -> ProblemException.notFound(
                "The embed placeholders script was not built into this release"));
        Response.ResponseBuilder response = etag.equals(ifNoneMatch) ? Response.notModified() : Response.ok(body);
        return response.type("text/javascript; charset=utf-8")
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, CACHE)
                .header("Access-Control-Allow-Origin", "*")
                .header("Cross-Origin-Resource-Policy", "cross-origin")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private static Optional<byte[]> load() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
