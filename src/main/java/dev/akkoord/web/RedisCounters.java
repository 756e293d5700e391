package dev.akkoord.web;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * Counters in Redis, many requests per round trip. One INCR per request held a pooled connection for a whole round
 * trip each, so under load requests queued for connections and then failed open. Instead increments that arrive
 * while a few batches are on their way are sent together as one pipeline, INCRBY and EXPIRE per distinct key, and
 * each caller still gets its own exact count, as if it had sent INCR alone.
 */
final class RedisCounters {

    private static final int MAX_IN_FLIGHT = 4;
    private static final int MAX_BATCH = 1000;

    private final Redis redis;
    private final Duration timeout;
    private final ArrayDeque<Increment> waiting = new ArrayDeque<>();
    private int inFlight;

    RedisCounters(Redis redis, Duration timeout) {
        this.redis = redis;
        this.timeout = timeout;
    }

    /** Adds one to {@code key}, which expires {@code ttlSeconds} after its last increment; yields the new count. */
    Uni<Long> increment(String key, long ttlSeconds) {
        return Uni.createFrom().emitter(emitter -> {
            List<Increment> batch;
            synchronized (this) {
                waiting.add(new Increment(key, ttlSeconds, emitter));
                if (inFlight >= MAX_IN_FLIGHT) {
                    return;
                }
                inFlight++;
                batch = take();
            }
            send(batch);
        });
    }

    private void send(List<Increment> batch) {
        Map<String, List<Increment>> byKey = new LinkedHashMap<>();
        for (Increment increment : batch) {
            byKey.computeIfAbsent(increment.key, key -> new ArrayList<>()).add(increment);
        }
        List<Request> requests = new ArrayList<>(byKey.size() * 2);
        byKey.forEach((key, increments) -> {
            requests.add(Request.cmd(Command.INCRBY).arg(key).arg(increments.size()));
            requests.add(Request.cmd(Command.EXPIRE).arg(key).arg(increments.get(0).ttlSeconds));
        });
        redis.batch(requests).ifNoItem().after(timeout).fail()
                .subscribe().with(responses -> {
                    int index = 0;
                    for (List<Increment> increments : byKey.values()) {
                        Response total = responses.get(index);
                        long count = total.toLong() - increments.size();
                        for (Increment increment : increments) {
                            increment.emitter.complete(++count);
                        }
                        index += 2;
                    }
                    sendNext();
                }, failure -> {
                    for (Increment increment : batch) {
                        increment.emitter.fail(failure);
                    }
                    sendNext();
                });
    }

    private void sendNext() {
        List<Increment> next;
        synchronized (this) {
            if (waiting.isEmpty()) {
                inFlight--;
                return;
            }
            next = take();
        }
        send(next);
    }

    private List<Increment> take() {
        List<Increment> batch = new ArrayList<>(Math.min(waiting.size(), MAX_BATCH));
        while (batch.size() < MAX_BATCH && !waiting.isEmpty()) {
            batch.add(waiting.poll());
        }
        return batch;
    }

    private record Increment(String key, long ttlSeconds, UniEmitter<? super Long> emitter) {
    }
}
