package dev.akkoord.dashboard;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * Marks dashboard resources that need a signed-in session; {@link DashboardGuard} enforces it, together with the
 * CSRF token on every unsafe request and the owner's grant for any {@code {siteId}} in the path.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SignedIn {
}
