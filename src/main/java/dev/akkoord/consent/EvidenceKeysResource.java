package dev.akkoord.consent;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.akkoord.web.ApiDocument;
import dev.akkoord.web.ApiExamples;
import dev.akkoord.web.Caller;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The public keys that check checkpoint signatures, at a well-known address for anyone (the offline verifier takes
 * this document as it is); a new signing key, for the operator.
 */
@Path("/")
@Tag(name = "Evidence")
public final class EvidenceKeysResource {

    private final SigningKeys keys;

    EvidenceKeysResource(SigningKeys keys) {
        this.keys = keys;
    }

    @GET
    @Path(".well-known/akkoord-keys.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking // reads the key directory
    @Operation(summary = "Every key that signed checkpoints, old ones included (public)")
    @APIResponse(responseCode = "200", description = "The keys; the offline verifier reads this document as it is",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, example = ApiExamples.PUBLIC_KEYS))
    @APIResponse(responseCode = "406", description = "An Accept header that does not allow application/json")
    public Map<String, Object> publicKeys() {
        return Map.of("keys", keys.published().stream().map(EvidenceKeysResource::view).toList());
    }

    @POST
    @Path("api/v1/evidence/keys")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign from now on with a new key; the old ones keep verifying (operator)")
    @SecurityRequirement(name = ApiDocument.BEARER)
    @APIResponse(responseCode = "200", description = "The new key, as it is published",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, example = ApiExamples.PUBLIC_KEY))
    @RolesAllowed(Caller.OPERATOR)
    public Uni<Map<String, Object>> rotate() {
        return Uni.createFrom().item(() -> view(keys.rotate()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()); // writes a key file
    }

    static Map<String, Object> view(SigningKeys.PublicEntry key) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("keyId", key.keyId());
        view.put("algorithm", "Ed25519");
        view.put("publicKey", PublicKeys.encode(key.publicKey()));
        view.put("created", key.created().toString());
        return view;
    }
}
