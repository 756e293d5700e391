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
 * Serves the banner's cross-domain part ({@code web-widget/src/domains.js}, built into
 * {@code widget/akkoord-domains.js}): one consent across a site's domains. The banner loads it only for a site whose
 * config lists more than one domain, so single-domain sites never pay for it.
 */
@Path("/akkoord-domains.js")
@Tag(name = "Banner")
public final class LinkedDomainsScriptResource {

    static final String RESOURCE = "widget/akkoord-domains.js";

    private final PackagedChunk script = PackagedChunk.load(RESOURCE, "cross-domain script");

    @GET
    @NonBlocking
    @Operation(summary = "The banner's cross-domain part, for sites with several domains (public; five minutes, ETag "
            + "and 304)")
    @APIResponse(responseCode = "200", ref = ApiDocument.SCRIPT)
    @APIResponse(responseCode = "404", description = "No cross-domain script in this release")
    public Response linkedDomainsScript(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return script.answer(ifNoneMatch);
    }
}
