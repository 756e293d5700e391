package dev.akkoord.scan.crawl;

import com.google.common.net.InetAddresses;
import io.smallrye.mutiny.Uni;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.concurrent.Executor;

/**
 * Resolves a host itself and vets every address before a connection is made. The crawler then connects to the vetted
 * address, never to the name, so a second DNS answer (rebinding) cannot slip a private address in between.
 */
public final class AddressGuard {

    private final AddressPolicy policy;
    private final Executor blockingExecutor;

    /**
     * @param blockingExecutor where the JDK resolver may block; never an event loop
     */
    public AddressGuard(AddressPolicy policy, Executor blockingExecutor) {
        this.policy = policy;
        this.blockingExecutor = blockingExecutor;
    }

    /**
     * The address to connect to, or a failure with {@link FetchProblem.Kind#REFUSED_ADDRESS} or {@code UNRESOLVABLE}.
     * The host is read as browsers read it: {@code 0177.0.0.1} and {@code 127.1} are vetted as 127.0.0.1, and a host
     * browsers refuse ({@code 1.2.3.4.5}) is refused without asking DNS.
     */
    public Uni<InetAddress> vet(String host) {
        String h = HostSpelling.canonical(host.strip()).orElse(null);
        if (h == null) {
            return Uni.createFrom().failure(new FetchProblem.Failure(FetchProblem.Kind.REFUSED_ADDRESS,
                    "refused " + host + ": browsers read no valid host there (it ends in a number but is no IPv4"
                            + " address, or has characters a host may not have)"));
        }
        if (InetAddresses.isInetAddress(h)) {
            return Uni.createFrom().item(() -> choose(h, new InetAddress[] {InetAddresses.forString(h)}));
        }
        if (!policy.mayResolve(h)) {
            return Uni.createFrom().failure(new FetchProblem.Failure(FetchProblem.Kind.REFUSED_ADDRESS,
                    "refused " + h + ": only allow-listed hosts may be scanned (akkoord.scan.only-allowed-hosts)"));
        }
        return Uni.createFrom().item(() -> choose(h, resolve(h))).runSubscriptionOn(blockingExecutor);
    }

    private static InetAddress[] resolve(String host) {
        try {
            return InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new FetchProblem.Failure(FetchProblem.Kind.UNRESOLVABLE, "host " + host + " does not resolve");
        }
    }

    /** Every answer must pass: one private address among public ones is enough to refuse the host. */
    private InetAddress choose(String host, InetAddress[] addresses) {
        if (addresses.length == 0) {
            throw new FetchProblem.Failure(FetchProblem.Kind.UNRESOLVABLE, "host " + host + " has no address");
        }
        if (!policy.allowsHost(host)) {
            for (InetAddress address : addresses) {
                if (!policy.permits(address)) {
                    throw new FetchProblem.Failure(FetchProblem.Kind.REFUSED_ADDRESS, "refused " + host + ": "
                            + address.getHostAddress() + " is not a public address (allow it with akkoord.scan.allow-hosts)");
                }
            }
        }
        // IPv4 first: local fixture servers and many sites listen on IPv4 only.
        return Arrays.stream(addresses).filter(a -> a instanceof Inet4Address).findFirst().orElse(addresses[0]);
    }
}
