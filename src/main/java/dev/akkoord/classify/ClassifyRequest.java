package dev.akkoord.classify;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** One cookie to classify through the API: its name and, optionally, the domain that set it. */
public record ClassifyRequest(
        @NotBlank(message = "has no 'name'")
        @Size(max = ClassifyResource.MAX_NAME_LENGTH,
                message = "has a name longer than " + ClassifyResource.MAX_NAME_LENGTH + " characters") String name,
        @Size(max = ClassifyResource.MAX_DOMAIN_LENGTH,
                message = "has a domain longer than " + ClassifyResource.MAX_DOMAIN_LENGTH + " characters")
        String domain) {
}
