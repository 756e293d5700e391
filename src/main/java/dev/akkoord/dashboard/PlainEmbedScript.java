package dev.akkoord.dashboard;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.DefaultBean;

/** The always-current {@code /akkoord.js} without integrity: what is left when no versioned build is known. */
@DefaultBean
@ApplicationScoped
class PlainEmbedScript implements EmbedScript {

    @Override
    public Snippet snippetFor(String platformUrl, UUID siteId) {
        String src = platformUrl + "/akkoord.js";
        return new Snippet("<script src=\"" + src + "\" data-site=\"" + siteId + "\"></script>", src, null);
    }
}
