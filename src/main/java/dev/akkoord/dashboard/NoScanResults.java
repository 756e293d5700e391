package dev.akkoord.dashboard;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.akkoord.web.ProblemException;
import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;

/** Stands in while no scanner bean exists. */
@DefaultBean
@ApplicationScoped
class NoScanResults implements ScanResults {

    @Override
    public boolean available() {
        return false;
    }

    @Override
    public Uni<List<ScanSummary>> history(UUID siteId) {
        return Uni.createFrom().item(List.of());
    }

    @Override
    public Uni<ScanDetail> latest(UUID siteId) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Uni<UUID> startScan(UUID siteId) {
        return Uni.createFrom().failure(unavailable());
    }

    @Override
    public Uni<ScanProgress> progress(UUID siteId, UUID scanId) {
        return Uni.createFrom().failure(unavailable());
    }

    @Override
    public Uni<Void> overrideCategory(UUID siteId, String cookieName, String category) {
        return Uni.createFrom().failure(unavailable());
    }

    private static ProblemException unavailable() {
        return new ProblemException(503, "Scanner unavailable", "This build has no scanner yet");
    }
}
