package dev.akkoord.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** The gate's refusals as problem+json, in the words the API has always used. */
public final class AccessProblems {

    @ServerExceptionMapper
    public Response anonymous(UnauthorizedException e) {
        return challenge(Problem.response(401, "Unauthorized",
                "Send 'Authorization: Bearer <token>' with the operator token or the site's API key"));
    }

    @ServerExceptionMapper
    public Response refusedToken(AuthenticationFailedException e) {
        return challenge(Problem.response(401, "Unauthorized", "The bearer token is not valid"));
    }

    /** A valid token that may not do this: a site key on an operator's endpoint, or on another site. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, SimpleResourceInfo resource) {
        boolean operatorsOnly = resource != null && resource.getMethodName() != null
                && operatorsOnly(resource);
        return Problem.response(403, "Forbidden", operatorsOnly ? "Only the operator may do this"
                : "This API key belongs to another site");
    }

    /** The exact method (by its parameter types too, should a name be overloaded) says {@code @RolesAllowed}. */
    private static boolean operatorsOnly(SimpleResourceInfo resource) {
        try {
            return resource.getResourceClass().getMethod(resource.getMethodName(), resource.parameterTypes())
                    .isAnnotationPresent(RolesAllowed.class);
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static Response challenge(Response problem) {
        return Response.fromResponse(problem).header("WWW-Authenticate", "Bearer").build();
    }
}
