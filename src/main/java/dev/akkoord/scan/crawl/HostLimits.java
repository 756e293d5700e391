package dev.akkoord.scan.crawl;

import io.smallrye.mutiny.Uni;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Bounds the requests in flight to each host, across all crawls of this instance, without blocking a thread: a
 * request over the limit waits in a queue and starts when an earlier one ends. Idle hosts leave the map.
 */
public final class HostLimits {

    private final int perHost;
    private final Map<String, Slot> slots = new HashMap<>();
    private int peak;

    private static final class Slot {
        int inUse;
        final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    }

    public HostLimits(int perHost) {
        if (perHost <= 0) {
            throw new IllegalArgumentException("perHost must be > 0, got " + perHost);
        }
        this.perHost = perHost;
    }

    public int perHost() {
        return perHost;
    }

    /** Runs the task once the host has a free slot; the slot is freed when the task's Uni ends. */
    public <T> Uni<T> run(String host, Supplier<Uni<T>> task) {
        return Uni.createFrom().emitter(emitter -> {
            AtomicBoolean over = new AtomicBoolean();
            emitter.onTermination(() -> over.set(true));
            acquire(host, () -> {
                if (over.get()) { // cancelled while waiting: pass the slot on
                    release(host);
                    return;
                }
                Uni<T> uni;
                try {
                    uni = task.get();
                } catch (RuntimeException e) {
                    release(host);
                    emitter.fail(e);
                    return;
                }
                uni.subscribe().with(item -> {
                    release(host);
                    emitter.complete(item);
                }, failure -> {
                    release(host);
                    emitter.fail(failure);
                });
            });
        });
    }

    /** Requests in flight to the host right now (for tests and the benchmark). */
    public synchronized int inUse(String host) {
        Slot slot = slots.get(host);
        return slot == null ? 0 : slot.inUse;
    }

    /** The most requests ever in flight to one host at once (for tests and the benchmark). */
    public synchronized int peak() {
        return peak;
    }

    private void acquire(String host, Runnable start) {
        boolean now;
        synchronized (this) {
            Slot slot = slots.computeIfAbsent(host, h -> new Slot());
            now = slot.inUse < perHost;
            if (now) {
                slot.inUse++;
                peak = Math.max(peak, slot.inUse);
            } else {
                slot.waiting.add(start);
            }
        }
        if (now) {
            start.run();
        }
    }

    private void release(String host) {
        Runnable next;
        synchronized (this) {
            Slot slot = slots.get(host);
            next = slot.waiting.poll();
            if (next == null) {
                slot.inUse--;
                if (slot.inUse == 0) {
                    slots.remove(host);
                }
            }
        }
        if (next != null) {
            next.run(); // the slot passes straight to the next waiter
        }
    }
}
