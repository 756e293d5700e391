package dev.akkoord.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Uni;

/** Test-only endpoints that fail the way a bug does, for {@link ProblemMappersTest}. */
@Path("/test/failures")
public final class FailingResource {

    @GET
    @Path("/thrown")
    @Operation(hidden = true)
    public String thrown() {
        throw new IllegalStateException("a bug in a resource");
    }

    @GET
    @Path("/reactive")
    @Operation(hidden = true)
    public Uni<String> reactive() {
        return Uni.createFrom().failure(new NullPointerException("a bug in a pipeline"));
    }

    @GET
    @Path("/refused")
    @Operation(hidden = true)
    public String refused() {
        throw new IllegalArgumentException("internal detail: column key_hash of site_api_keys");
    }
}
