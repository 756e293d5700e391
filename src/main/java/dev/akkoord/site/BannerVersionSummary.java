package dev.akkoord.site;

import java.time.Instant;

public record BannerVersionSummary(String version, Instant createdAt) {
}
