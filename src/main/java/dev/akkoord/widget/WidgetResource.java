package dev.akkoord.widget;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.akkoord.site.SiteHosts;
import dev.akkoord.web.ApiDocument;
import dev.akkoord.web.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * Serves the banner script: {@code /akkoord.js} with a short max-age and an ETag (sites that embed it
 * pick up new builds within minutes), and {@code /akkoord/<hash>.js}, immutable for a year (sites that
 * pin a build, with Subresource Integrity). Both come brotli- or gzip-compressed when the client accepts it. Asked for
 * by a page whose host a site claims ({@link SiteHosts}), {@code /akkoord.js} carries that site's config as the
 * per-site script does, so the plain tag needs no second request; the immutable copy stays byte for byte the build.
 */
@Path("/")
@Tag(name = "Banner")
@APIResponse(responseCode = "200", ref = ApiDocument.SCRIPT) // every method answers a script
public final class WidgetResource {

    static final String JAVASCRIPT = "text/javascript; charset=utf-8";
    static final String LATEST_CACHE = "public, max-age=300, stale-while-revalidate=86400, stale-if-error=604800";
    static final String IMMUTABLE_CACHE = "public, max-age=31536000, immutable";
    /** With a site's config inside: for the browser only, and per page origin. */
    static final String WITH_CONFIG_CACHE = "private, max-age=60, stale-while-revalidate=300, stale-if-error=86400";
    static final String WITH_CONFIG_VARY = HttpHeaders.ACCEPT_ENCODING + ", Referer";

    private final WidgetService widgets;
    private final BuildAnswers build;
    private final SiteHosts hosts;
    private final SiteBanners banners;

    WidgetResource(WidgetService widgets, BuildAnswers build, SiteHosts hosts, SiteBanners banners) {
        this.widgets = widgets;
        this.build = build;
        this.hosts = hosts;
        this.banners = banners;
    }

    @GET
    @Path("akkoord.js")
    @Operation(summary = "The banner script, current build (public; five minutes, ETag and 304). Asked for by a page "
            + "whose host a site claims (Referer), with that site's config inside.")
    @APIResponse(responseCode = "404", description = "No banner script in this release")
    public Uni<Response> latest(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding, @HeaderParam("Referer") String referer) {
        WidgetAsset asset = current();
        PreparedAnswer alone = build.banner().orElseThrow().latest();
        Optional<UUID> site = hosts.siteFor(referer);
        if (site.isEmpty()) {
            return Uni.createFrom().item(alone.toResponse(ifNoneMatch, acceptEncoding));
        }
        SiteBanners.Asked asked = new SiteBanners.Asked(ifNoneMatch, acceptEncoding, null, referer);
        return banners.script(asset, site.get(), null, asked, PreparedAnswers.Form.SHARED_SCRIPT)
                // The site may be gone since the hosts were read: the script alone still works.
                .onFailure().recoverWithItem(() -> alone.toResponse(ifNoneMatch, acceptEncoding));
    }

    @GET
    @Path("akkoord/{file}")
    @NonBlocking
    @Operation(summary = "The banner script of one build, immutable for a year, for a tag with Subresource Integrity "
            + "(public)", description = "The file is the build's content hash and .js; only this release's build is "
                    + "kept.")
    @APIResponse(responseCode = "404", description = "No build with this hash in this release")
    public Response versioned(@PathParam("file") String file, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        WidgetAsset asset = current();
        // Only the build in this release is kept; an old hash has no bytes that would match its SRI value.
        return build.banner().orElseThrow().immutable(file).orElseThrow(() -> ProblemException.notFound(
                "No banner build " + file + "; the current one is " + asset.versionedPath()))
                .toResponse(ifNoneMatch, acceptEncoding);
    }

    private WidgetAsset current() {
        return widgets.asset().orElseThrow(() -> ProblemException.notFound("The banner script was not built into this release"));
    }

    /** 304 when the client holds this version, else the script in the client's preferred coding that we have. */
    static Response.ResponseBuilder negotiate(String ifNoneMatch, String acceptEncoding, String etag, Supplier<byte[]> body,
            Supplier<CompressedForms> compressed) {
        if (Conditional.matches(ifNoneMatch, etag)) {
            return Response.notModified();
        }
        for (String coding : Conditional.acceptableCodings(acceptEncoding)) {
            byte[] encoded = coding.equals("br") ? compressed.get().brotli() : compressed.get().gzip();
            if (encoded != null) {
                return Response.ok(encoded).header(HttpHeaders.CONTENT_ENCODING, coding);
            }
        }
        return Response.ok(body.get());
    }
}
