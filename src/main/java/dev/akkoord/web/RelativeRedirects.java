package dev.akkoord.web;

import java.net.URI;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Redirects to our own pages leave as paths. JAX-RS makes a Location absolute with the request's Host header, so a
 * forged Host would come back in the redirect (and through a shared cache, to others); a path needs no host at all.
 */
public final class RelativeRedirects {

    @ServerResponseFilter
    public void pathOnly(ContainerRequestContext request, ContainerResponseContext response) {
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        if (location == null) {
            return;
        }
        URI uri = location instanceof URI u ? u : URI.create(location.toString());
        URI base = request.getUriInfo().getBaseUri();
        if (uri.isAbsolute() && uri.getRawAuthority() != null && uri.getRawAuthority().equals(base.getRawAuthority())) {
            response.getHeaders().putSingle(HttpHeaders.LOCATION, pathOf(uri));
        }
    }

    private static String pathOf(URI uri) {
        StringBuilder path = new StringBuilder(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/"
                : uri.getRawPath());
        if (uri.getRawQuery() != null) {
            path.append('?').append(uri.getRawQuery());
        }
        if (uri.getRawFragment() != null) {
            path.append('#').append(uri.getRawFragment());
        }
        return path.toString();
    }
}
