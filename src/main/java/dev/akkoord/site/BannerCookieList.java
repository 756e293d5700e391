package dev.akkoord.site;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** The lists a site's banner shows, as the scanner last published them ({@link SiteService#publishCookieLists}). */
@Entity
@Table(name = "banner_cookie_lists")
public class BannerCookieList extends PanacheEntityBase {

    @Id
    @Column(name = "site_id")
    public UUID siteId;

    /** JSON of {@link BannerCookies}. */
    @Column(nullable = false)
    public String lists;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
