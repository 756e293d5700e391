package dev.akkoord.embedded;

import static dev.akkoord.embedded.EmbeddedFaultDrillIT.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk-full drill of issue 12 on the packaged platform's embedded default: its data directory lives on a small
 * tmpfs, which a filler file fills under consent load. Meanwhile consents are refused with a 503 the banner retries;
 * once the filler is deleted they are accepted again, without restarting the service, and none answered 201 is lost.
 * Mounting needs root: elsewhere the drill is skipped (CI runs as root).
 */
class DiskFullDrillIT {

    private static final String ORIGIN = "https://www.example.test";
    /** Room for PostgreSQL's binaries and cluster, Redis and the evidence files, with some to spare for the load. */
    private static final String TMPFS_SIZE = "320m";
    private static final Duration FULL_FOR = Duration.ofSeconds(8);

    @TempDir
    Path dataDir;

    @TempDir
    Path logDir;

    @Test
    void shouldAcceptConsentsAgainOnceTheDiskIsFreedWithoutARestartAndLoseNone() throws Exception {
        mountTmpfs();
        PlatformProcess platform = null;
        try {
            platform = PlatformProcess.start(logDir.resolve("platform.log"), Map.of(
                    "AKKOORD_DATA_DIR", dataDir.toString(),
                    "AKKOORD_CONSENT_RATE_LIMIT_PER_MINUTE", "100000000"));
            drill(platform);
        } finally {
            if (platform != null) {
                platform.close();
            }
            stopLeftoverPostmaster();
            unmount();
        }
    }

    private void drill(PlatformProcess platform) throws Exception {
        String token = Files.readString(dataDir.resolve("admin-token")).trim();
        HttpResponse<String> site = Http.send("POST", platform.url("/api/v1/sites"), token,
                "{\"name\":\"Drill\",\"domains\":[\"www.example.test\"]}");
        assertEquals(201, site.statusCode(), site.body());
        String siteId = Http.field(site.body(), "id");
        String siteKey = Http.field(site.body(), "apiKey");
        Path filler = dataDir.resolve("filler");

        ConsentLoad load = ConsentLoad.start(platform.url("/api/v1/consents"), siteId,
                Http.field(site.body(), "bannerVersion"), ORIGIN, 4);
        try (load) {
            awaitTrue(Duration.ofSeconds(30), () -> load.acceptedConsentIds.size() >= 50, "consents before");
            Instant filled = Instant.now();
            long fillerBytes = fill(filler);
            System.out.printf("Disk-full drill: %d MB filler, the tmpfs is full%n", fillerBytes >> 20);
            awaitTrue(Duration.ofSeconds(30), () -> fill(filler) >= 0 && load.refusals.getOrDefault(503, 0) > 0,
                    "consents refused with 503 once the disk is full");
            // Real load starts a new 16 MB WAL segment now and then; one started on a full disk makes PostgreSQL
            // PANIC. The drill's load is too small to get there in seconds, so it asks for the switch itself.
            String switched = switchWal();
            // Keep it full a while, topping up whatever PostgreSQL freed (recycled WAL), so the server may die of it.
            Instant until = Instant.now().plus(FULL_FOR);
            while (Instant.now().isBefore(until)) {
                fill(filler);
                Thread.sleep(100);
            }
            int acceptedWhileFull = load.acceptedConsentIds.size();
            Files.delete(filler);
            Instant freed = Instant.now();
            awaitTrue(Duration.ofSeconds(30), () -> load.lastAccepted.get().isAfter(freed.plusMillis(100)),
                    "consents accepted again within 30 s of freeing the disk");
            System.out.printf("Disk-full drill: full for %d ms (WAL switch: %s), consents accepted again %d ms after "
                    + "the disk was freed (refused meanwhile, by status: %s)%n", Duration.between(filled, freed).toMillis(),
                    switched, Duration.between(freed, load.lastAccepted.get()).toMillis(), load.refusals);
            printSupervisorLines(logDir.resolve("platform.log"));
            awaitTrue(Duration.ofSeconds(15), () -> load.acceptedConsentIds.size() >= acceptedWhileFull + 50,
                    "consents keep flowing");
            assertEquals(Set.of(503), load.refusals.keySet(), "refused meanwhile, by status: " + load.refusals);
            assertTrue(load.bareRefusals.isEmpty(), "refusals without problem+json and Retry-After: "
                    + load.bareRefusals.stream().limit(3).toList());
        }
        awaitTrue(Duration.ofSeconds(15), () -> EmbeddedFaultDrillIT.ready(platform),
                "readiness UP again (PostgreSQL and Redis, which refused writes too)");
        Set<String> stored = storedConsentIds(siteId);
        load.assertAllStored(stored::contains);
        EmbeddedFaultDrillIT.assertChainIntact(platform, siteId, siteKey);
        System.out.printf("Disk-full drill: all %d consents answered 201 are among the %d stored%n",
                load.acceptedConsentIds.size(), stored.size());
    }

    /** Appends to the filler until the file system refuses; returns the bytes it added. */
    private static long fill(Path filler) throws IOException {
        byte[] chunk = new byte[1 << 20];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(filler, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            for (int size = chunk.length; size >= 4096;) {
                try {
                    out.write(chunk, 0, size);
                    out.flush();
                    written += size;
                } catch (IOException full) {
                    size /= 2; // fill the last megabyte too, down to a page
                }
            }
        } catch (IOException full) {
            // closing flushes nothing more: the disk is full
        }
        return written;
    }

    /** What became of the switch: its answer, or how PostgreSQL refused. */
    private String switchWal() {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(10);
            try (ResultSet row = statement.executeQuery("SELECT pg_switch_wal()")) {
                row.next();
                return "to " + row.getString(1);
            }
        } catch (Exception e) {
            return "refused, " + e.getMessage();
        }
    }

    private static void printSupervisorLines(Path log) throws IOException {
        Files.readAllLines(log).stream().filter(line -> line.contains("Embedded PostgreSQL")
                || line.contains("PostgreSQL cannot be reached") || line.contains("PostgreSQL answers again"))
                .forEach(line -> System.out.println("Disk-full drill, platform log: " + line));
    }

    /** To the embedded PostgreSQL, with the password and port the platform left in its data directory. */
    private Connection connect() throws Exception {
        String port = Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(3).trim();
        String password = Files.readString(dataDir.resolve(EmbeddedDefault.POSTGRES_PASSWORD_FILE)).trim();
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/"
                + EmbeddedPostgresServer.DATABASE, EmbeddedPostgresServer.USER, password);
    }

    /** Read straight from the database, not through the service under test. */
    private Set<String> storedConsentIds(String siteId) throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection connection = connect();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT consent_id FROM consent_records WHERE site_id = ?::uuid")) {
            query.setString(1, siteId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    private void mountTmpfs() throws Exception {
        Run mount = run("mount", "-t", "tmpfs", "-o", "size=" + TMPFS_SIZE + ",mode=0700", "tmpfs",
                dataDir.toString());
        Assumptions.assumeTrue(mount.exitCode == 0, "SKIPPED: the disk-full drill needs to mount a tmpfs (root on "
                + "Linux; CI runs it as root), and mount said: " + mount.output);
    }

    /** A platform that did not stop its PostgreSQL (killed, or failed) would keep the tmpfs busy. */
    private void stopLeftoverPostmaster() {
        try {
            List<String> pidFile = Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"));
            ProcessHandle.of(Long.parseLong(pidFile.get(0).trim()))
                    .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                    .ifPresent(postmaster -> {
                        postmaster.destroyForcibly();
                        postmaster.onExit().orTimeout(10, TimeUnit.SECONDS).join();
                    });
        } catch (IOException | RuntimeException e) {
            // no pid file or no such process: nothing left running
        }
    }

    private void unmount() throws Exception {
        Run umount = run("umount", dataDir.toString());
        if (umount.exitCode != 0) {
            // Something still holds a file open there; detach it so the machine is not left with a mount.
            Run lazy = run("umount", "-l", dataDir.toString());
            assertEquals(0, lazy.exitCode, "could not unmount the drill's tmpfs " + dataDir + ": " + umount.output
                    + " / " + lazy.output);
        }
    }

    private record Run(int exitCode, String output) {
    }

    private static Run run(String... command) throws Exception {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes()).trim();
            return new Run(process.waitFor(), output);
        } catch (IOException e) {
            return new Run(-1, e.getMessage());
        }
    }
}
