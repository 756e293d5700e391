package dev.akkoord.consent;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Body of {@code POST /api/v1/consents}, as the banner sends it. Unknown fields are refused. */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ConsentRequest(
        UUID siteId,
        String consentId,
        String bannerVersion,
        ConsentAction action,
        Categories categories,
        String language,
        String pageUrl,
        Boolean gpc) {

    /** Functional is always granted and therefore not part of the request. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Categories(Boolean analytical, Boolean marketing) {
    }
}
