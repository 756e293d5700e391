package dev.akkoord.account;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.ApplicationScoped;

import dev.akkoord.web.ProblemException;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * bcrypt hashes, computed on worker threads: one hash takes a few hundred milliseconds on purpose and would stall
 * every other request on the event loop.
 */
@ApplicationScoped
public class Passwords {

    static final int MIN_LENGTH = 12;
    /** bcrypt reads only the first 72 bytes; a longer password would silently lose its tail. */
    static final int MAX_BYTES = 72;

    private final int cost;
    /** Checked when an e-mail is unknown, so a wrong address takes as long as a wrong password. */
    private final String decoy;

    Passwords(DashboardConfig config) {
        this.cost = config.bcryptCost();
        this.decoy = BcryptUtil.bcryptHash("decoy-password-never-used", cost);
    }

    public Uni<String> hash(String password) {
        return onWorker(() -> BcryptUtil.bcryptHash(password, cost));
    }

    /** {@code hash} may be null (unknown account): the answer is then false, after the same amount of work. */
    public Uni<Boolean> matches(String password, String hash) {
        return onWorker(() -> {
            boolean matched = BcryptUtil.matches(password == null ? "" : password, hash == null ? decoy : hash);
            return matched && hash != null;
        });
    }

    /** @throws ProblemException 400 with what is wrong */
    public static void checkPolicy(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw ProblemException.badRequest("A password needs at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw ProblemException.badRequest("A password may have at most " + MAX_BYTES + " bytes");
        }
    }

    /** Runs on a worker and hands the result back on the caller's Vert.x context, where Hibernate Reactive needs it. */
    private static <T> Uni<T> onWorker(Callable<T> work) {
        Context context = Vertx.currentContext();
        if (context == null) {
            return Uni.createFrom().item(() -> call(work)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        }
        return Uni.createFrom().completionStage(() -> context.executeBlocking(work, false).toCompletionStage());
    }

    private static <T> T call(Callable<T> work) {
        try {
            return work.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
