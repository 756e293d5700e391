package dev.akkoord.widget;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.akkoord.web.ApiDocument;
import io.smallrye.common.annotation.NonBlocking;

/**
 * Serves the embed placeholders script ({@code web-widget/src/embeds.js}, built into
 * {@code widget/akkoord-embeds.js}), which the banner loads on pages with an
 * {@code <iframe data-category data-src>}.
 */
@Path("/akkoord-embeds.js")
@Tag(name = "Banner")
public final class EmbedsScriptResource {

    static final String RESOURCE = "widget/akkoord-embeds.js";

    private final PackagedChunk script = PackagedChunk.load(RESOURCE, "embed placeholders script");

    @GET
    @NonBlocking
    @Operation(summary = "The embed placeholders script (public; five minutes, ETag and 304)")
    @APIResponse(responseCode = "200", ref = ApiDocument.SCRIPT)
    @APIResponse(responseCode = "404", description = "No embed placeholders script in this release")
    public Response embedsScript(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return script.answer(ifNoneMatch);
    }
}
