package dev.akkoord.site;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One immutable version of what a site's visitors are shown (texts in every language, categories, cookies). */
@Entity
@Table(name = "banner_versions")
@IdClass(BannerVersion.Key.class)
public class BannerVersion extends PanacheEntityBase {

    @Id
    @Column(name = "site_id")
    public UUID siteId;

    @Id
    public String version;

    /** JSON of {@link BannerContent}. */
    @Column(nullable = false)
    public String content;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static class Key implements Serializable {
        public UUID siteId;
        public String version;

        public Key() {
        }

        public Key(UUID siteId, String version) {
            this.siteId = siteId;
            this.version = version;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(siteId, key.siteId)
                    && Objects.equals(version, key.version);
        }

        @Override
        public int hashCode() {
            return Objects.hash(siteId, version);
        }
    }
}
