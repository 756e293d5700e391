package dev.akkoord.scan;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.stream.ReactiveStreamCommands;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.XAddArgs;
import io.quarkus.redis.datasource.stream.XClaimArgs;
import io.quarkus.redis.datasource.stream.XGroupCreateArgs;
import io.quarkus.redis.datasource.stream.XReadGroupArgs;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The queue of scans to run, shared by every instance: a Redis Stream read through one consumer group, so each entry
 * goes to one worker, stays pending until that worker acknowledges it, and can be claimed by another worker when the
 * first goes quiet. Plus the once-a-day gate of the schedule.
 */
public class ScanQueue {

    public static final String STREAM = "akkoord:scans";
    static final String GROUP = "scanners";
    /** Entries kept in the stream; finished ones are only history, pending ones are few. */
    private static final long MAX_ENTRIES = 10_000;
    private static final Duration DAY_KEY_TTL = Duration.ofDays(3);

    /** One queued scan; scan and site are null for an entry that carries none (trimmed, or not ours). */
    public record Entry(String id, UUID scanId, UUID siteId) {
        public boolean isScan() {
            return scanId != null && siteId != null;
        }
    }

    private final ReactiveStreamCommands<String, String, String> streams;
    private final ReactiveValueCommands<String, String> values;
    private final ReactiveKeyCommands<String> keys;
    private final String stream;
    private final AtomicBoolean groupReady = new AtomicBoolean();

    public ScanQueue(ReactiveRedisDataSource redis, String stream) {
        this.streams = redis.stream(String.class, String.class, String.class);
        this.values = redis.value(String.class, String.class);
        this.keys = redis.key(String.class);
        this.stream = stream;
    }

    public String stream() {
        return stream;
    }

    /**
     * Takes the site's slot for the day: true for exactly one caller however many instances ask (SET NX), so the
     * day's scan is enqueued once.
     */
    public Uni<Boolean> claimDay(UUID siteId, LocalDate day) {
        return values.setAndChanged(stream + ":day:" + day + ":" + siteId, "1", new SetArgs().nx().px(DAY_KEY_TTL));
    }

    /** Gives the day's slot back, when enqueueing failed after it was taken. */
    public Uni<Void> releaseDay(UUID siteId, LocalDate day) {
        return keys.del(stream + ":day:" + day + ":" + siteId).replaceWithVoid();
    }

    public Uni<String> enqueue(UUID scanId, UUID siteId) {
        return streams.xadd(stream, new XAddArgs().maxlen(MAX_ENTRIES).nearlyExactTrimming(),
                Map.of("scan", scanId.toString(), "site", siteId.toString()));
    }

    /** New entries for this consumer, at most {@code count}. */
    public Uni<List<Entry>> readNew(String consumer, int count) {
        return ensureGroup()
                .flatMap(v -> streams.xreadgroup(GROUP, consumer, stream, ">", new XReadGroupArgs().count(count)))
                .map(ScanQueue::entries)
                .onFailure(ScanQueue::isNoGroup).invoke(failure -> groupReady.set(false));
    }

    /** Entries other consumers took but have not touched for {@code idle}: their worker is presumed dead. */
    public Uni<List<Entry>> claimStale(String consumer, Duration idle, int count) {
        return ensureGroup()
                .flatMap(v -> streams.xautoclaim(stream, GROUP, consumer, idle, "0-0", count))
                .map(claimed -> entries(claimed.getMessages()))
                .onFailure(ScanQueue::isNoGroup).invoke(failure -> groupReady.set(false));
    }

    /** Renews this consumer's claim on entries it is still working on, resetting their idle time. */
    public Uni<Void> touch(String consumer, List<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return streams.xclaim(stream, GROUP, consumer, Duration.ZERO, new XClaimArgs().justId(),
                ids.toArray(String[]::new)).replaceWithVoid();
    }

    public Uni<Void> ack(String id) {
        return streams.xack(stream, GROUP, id).replaceWithVoid();
    }

    private Uni<Void> ensureGroup() {
        if (groupReady.get()) {
            return Uni.createFrom().voidItem();
        }
        // From the start of the stream: entries added before the group existed are scans too.
        return streams.xgroupCreate(stream, GROUP, "0", new XGroupCreateArgs().mkstream())
                .onFailure(failure -> String.valueOf(failure.getMessage()).contains("BUSYGROUP"))
                .recoverWithNull()
                .invoke(() -> groupReady.set(true));
    }

    private static UUID uuid(Map<String, String> payload, String field) {
        try {
            return payload == null || payload.get(field) == null ? null : UUID.fromString(payload.get(field));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isNoGroup(Throwable failure) {
        return String.valueOf(failure.getMessage()).contains("NOGROUP");
    }

    private static List<Entry> entries(List<StreamMessage<String, String, String>> messages) {
        List<Entry> entries = new ArrayList<>();
        if (messages == null) {
            return entries;
        }
        for (StreamMessage<String, String, String> message : messages) {
            Map<String, String> payload = message.payload();
            entries.add(new Entry(message.id(), uuid(payload, "scan"), uuid(payload, "site")));
        }
        return entries;
    }
}
