package dev.akkoord.declaration;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.akkoord.web.ApiDocument;
import dev.akkoord.web.BundledScript;
import io.smallrye.common.annotation.NonBlocking;

/**
 * Serves the cookie declaration script ({@code web-widget/src/declaration.js}, built into
 * {@code widget/akkoord-declaration.js}), which the banner loads on pages with a
 * {@code <div data-akkoord-declaration>}.
 */
@Path("/akkoord-declaration.js")
@Tag(name = "Banner")
public final class DeclarationScriptResource {

    static final String RESOURCE = "widget/akkoord-declaration.js";

    private final BundledScript script = new BundledScript(RESOURCE,
            "The cookie declaration script was not built into this release");

    @GET
    @NonBlocking
    @Operation(summary = "The cookie declaration script (public; five minutes, ETag and 304)")
    @APIResponse(responseCode = "200", ref = ApiDocument.SCRIPT)
    @APIResponse(responseCode = "404", description = "No cookie declaration script in this release")
    public Response declarationScript(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return script.response(ifNoneMatch);
    }
}
