package dev.akkoord.widget.demo;

import dev.akkoord.web.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The demo shop: a page with the banner first in its head and two tagged sample scripts, served under a strict
 * Content-Security-Policy to show that the banner needs no inline script or style.
 */
@Path("/demo")
public final class DemoResource {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final String TEMPLATE = "widget/demo.html";

    private final DemoSite demo;
    private final DemoConfig config;
    private final String template;

    DemoResource(DemoSite demo, DemoConfig config) {
        this.demo = demo;
        this.config = config;
        this.template = read(TEMPLATE);
    }

    @GET
    @Operation(hidden = true) // a page for people, like the dashboard, not part of the API
    public Uni<Response> page() {
        if (!config.enabled()) {
            throw ProblemException.notFound("The demo is switched off (akkoord.demo.enabled=false)");
        }
        // The site id is a UUID: nothing in it needs escaping in HTML.
        return demo.siteId().map(siteId -> Response.ok(template.replace("{{siteId}}", siteId.toString()))
                .type("text/html; charset=utf-8")
                .header("Content-Security-Policy", CSP)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .build());
    }

    private static String read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
