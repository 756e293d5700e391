package dev.akkoord.web;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.PermissionChecker;
import io.quarkus.security.identity.SecurityIdentity;

/** {@code @PermissionsAllowed(Caller.SITE)}: the caller may reach the site named by the path's {@code siteId}. */
@ApplicationScoped
public class SitePermission {

    @PermissionChecker(Caller.SITE)
    boolean reaches(SecurityIdentity identity, UUID siteId) {
        return Caller.of(identity).reaches(siteId);
    }
}
