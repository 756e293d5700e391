package dev.akkoord.widget;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.akkoord.web.ApiDocument;
import dev.akkoord.web.ProblemException;
import io.smallrye.common.annotation.NonBlocking;

/**
 * Serves the blocking Consent Mode stub ({@code web-widget/src/defaults.js}, 1 KB): the one script a page whose own
 * gtag call needs the Consent Mode defaults keeps blocking in {@code <head>}, with the banner itself loaded
 * {@code async} after it. {@code /akkoord-defaults.js} is always the current build (five minutes, ETag);
 * {@code /akkoord-defaults/<hash>.js} is immutable, for a tag with Subresource Integrity
 * ({@link #PREFIX} + {@link WidgetAsset#contentHash()}). Both in brotli or gzip where the client accepts it, prepared once
 * ({@link BuildAnswers}); {@link BannerRoute} answers them from memory, this only what is not there.
 */
@Path("/")
@Tag(name = "Banner")
@APIResponse(responseCode = "200", ref = ApiDocument.SCRIPT) // every method answers a script
public final class ConsentDefaultsResource {

    static final String PATH = "/akkoord-defaults.js";
    static final String PREFIX = "/akkoord-defaults/";

    private final WidgetService widgets;
    private final BuildAnswers build;

    ConsentDefaultsResource(WidgetService widgets, BuildAnswers build) {
        this.widgets = widgets;
        this.build = build;
    }

    /** The immutable path of the current build, e.g. {@code /akkoord-defaults/0f3a…e1.js}. */
    public static String versionedPath(WidgetAsset stub) {
        return PREFIX + stub.contentHash() + ".js";
    }

    @GET
    @Path("akkoord-defaults.js")
    @NonBlocking
    @Operation(summary = "The blocking Consent Mode stub, current build (public; five minutes, ETag and 304)")
    @APIResponse(responseCode = "404", description = "No Consent Mode stub in this release")
    public Response latest(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        current();
        return build.defaults().orElseThrow().latest().toResponse(ifNoneMatch, acceptEncoding);
    }

    @GET
    @Path("akkoord-defaults/{file}")
    @NonBlocking
    @Operation(summary = "The Consent Mode stub of one build, immutable, for a tag with Subresource Integrity (public)",
            description = "The file is the build's content hash and .js; only this release's build is kept.")
    @APIResponse(responseCode = "404", description = "No build with this hash in this release")
    public Response versioned(@PathParam("file") String file, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        WidgetAsset stub = current();
        return build.defaults().orElseThrow().immutable(file).orElseThrow(() -> ProblemException.notFound(
                "No Consent Mode stub build " + file + "; the current one is " + versionedPath(stub)))
                .toResponse(ifNoneMatch, acceptEncoding);
    }

    private WidgetAsset current() {
        return widgets.defaults().orElseThrow(() -> ProblemException.notFound("The Consent Mode stub was not built into this release"));
    }
}
