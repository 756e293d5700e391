package dev.akkoord.dashboard;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.akkoord.site.Contrast;
import dev.akkoord.site.DefaultTexts;
import dev.akkoord.site.EmbedPreset;
import dev.akkoord.site.SiteRequest;
import dev.akkoord.site.SiteService;
import dev.akkoord.site.SiteView;
import dev.akkoord.web.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * The banner editor: texts per language, colours, position, lifetime and categories, with a live preview running
 * the real banner in a frame. Saving goes through {@link SiteService#updateSite}, so a visible change makes a new
 * banner version exactly as through the API.
 */
@Path("/dashboard/sites/{siteId}")
@SignedIn
@Produces(MediaType.TEXT_HTML)
public final class BannerEditorResource {

    private final SiteService sites;
    private final DefaultTexts defaults;
    private final SitePages pages;
    private final ErrorPages errors;

    BannerEditorResource(SiteService sites, DefaultTexts defaults, SitePages pages, ErrorPages errors) {
        this.sites = sites;
        this.defaults = defaults;
        this.pages = pages;
        this.errors = errors;
    }

    @GET
    @Path("/banner")
    public Uni<Response> editor(@RestPath UUID siteId, @RestQuery String saved) {
        return pages.site(siteId).map(site -> editorPage(200, site, null, saved != null, null));
    }

    @POST
    @Path("/banner")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> saveBanner(@RestPath UUID siteId, MultivaluedMap<String, String> form) {
        return pages.site(siteId).flatMap(site -> Uni.createFrom()
                .deferred(() -> sites.updateSite(siteId, BannerForm.request(form, site, defaults)))
                .map(updated -> Response.seeOther(URI.create("/dashboard/sites/" + siteId + "/banner?saved="
                        + updated.bannerVersion())).build())
                .onFailure(ProblemException.class).recoverWithItem(failure -> editorPage(
                        ((ProblemException) failure).status(), BannerForm.draft(form, site, defaults),
                        failure.getMessage(), false, null)));
    }

    /** Adds an embed provider of the owner's; a refusal shows on the page, next to the form, with nothing changed. */
    @POST
    @Path("/banner/embeds")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> addEmbedPreset(@RestPath UUID siteId, @RestForm String name, @RestForm String host,
            @RestForm String path, @RestForm String kind, @RestForm String category) {
        return pages.site(siteId).flatMap(site -> {
            List<EmbedPreset> presets = new ArrayList<>(site.embedPresets());
            presets.add(new EmbedPreset(name, host, path, kind, category));
            return savePresets(site, presets);
        });
    }

    @POST
    @Path("/banner/embeds/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> removeEmbedPreset(@RestPath UUID siteId, @RestForm int index) {
        return pages.site(siteId).flatMap(site -> {
            List<EmbedPreset> presets = new ArrayList<>(site.embedPresets());
            if (index >= 0 && index < presets.size()) {
                presets.remove(index);
            }
            return savePresets(site, presets);
        });
    }

    private Uni<Response> savePresets(SiteView site, List<EmbedPreset> presets) {
        SiteRequest request = new SiteRequest(null, null, null, null, null, null, null, null, null, presets);
        return Uni.createFrom().deferred(() -> sites.updateSite(site.id(), request))
                .map(updated -> Response.seeOther(URI.create("/dashboard/sites/" + site.id() + "/banner?saved="
                        + updated.bannerVersion() + "#embeds")).build())
                .onFailure(ProblemException.class).recoverWithItem(failure -> editorPage(
                        ((ProblemException) failure).status(), site, null, false, failure.getMessage()));
    }

    /** The page inside the editor's frame: the real banner script, with the editor's unsaved draft laid over. */
    @GET
    @Path("/preview")
    public Uni<Response> preview(@RestPath UUID siteId, @RestQuery String lang) {
        String nonce = dev.akkoord.account.SessionStore.randomId();
        return pages.site(siteId).map(site -> {
            String language = lang != null && site.languages().contains(lang) ? lang : site.languages().get(0);
            String html = Templates.preview(site, language, nonce).render();
            return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .header("Content-Security-Policy", "default-src 'self'; script-src 'self' 'nonce-" + nonce
                            + "'; style-src 'self' 'nonce-" + nonce + "'; img-src 'self' data:; connect-src 'self'; "
                            + "frame-ancestors 'self'; base-uri 'none'; object-src 'none'")
                    .header("X-Frame-Options", "SAMEORIGIN").build();
        });
    }

    private Response editorPage(int status, SiteView site, String error, boolean saved, String embedError) {
        String html = Templates.banner(pages.page(site, "Banner", "banner"), BannerForm.texts(site, defaults),
                BannerForm.POSITIONS, Contrast.checks(site.ui().colors()), error, saved, embedError).render();
        return Html.status(status, html);
    }

    @ServerExceptionMapper
    Response problem(ProblemException problem) {
        return errors.page(problem);
    }
}
