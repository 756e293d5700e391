package dev.akkoord.site;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A registered website. Its settings are one JSON document so new settings need no migration of old rows. */
@Entity
@Table(name = "sites")
public class Site extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    /** JSON array of domain patterns, see {@link Domains}. */
    @Column(nullable = false)
    public String domains;

    /** JSON of {@link SiteSettings}. */
    @Column(nullable = false)
    public String settings;

    @Column(name = "current_banner_version", nullable = false)
    public String currentBannerVersion;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Set when the site was deleted: it is kept only for its consent records' retention. */
    @Column(name = "deleted_at")
    public Instant deletedAt;

    /** The site, unless there is none or it was deleted. */
    static Site live(Site site) {
        return site == null || site.deletedAt != null ? null : site;
    }
}
