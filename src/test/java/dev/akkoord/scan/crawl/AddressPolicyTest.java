package dev.akkoord.scan.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.net.InetAddresses;
import io.smallrye.mutiny.Uni;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressPolicyTest {

    private static InetAddress ip(String text) {
        return InetAddresses.forString(text);
    }

    @Test
    void shouldRefuseEverythingThatIsNotPublic() {
        AddressPolicy policy = AddressPolicy.publicOnly();
        for (String address : List.of("127.0.0.1", "127.255.0.9", "10.1.2.3", "172.16.0.1", "172.31.255.255",
                "192.168.1.1", "169.254.169.254", "100.64.0.1", "100.100.100.200", "0.0.0.0", "224.0.0.1",
                "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "fd00:ec2::254", "ff02::1",
                "::ffff:127.0.0.1", "64:ff9b::a00:1", "2002:7f00:1::1", "198.18.0.1")) {
            assertFalse(policy.permits(ip(address)), address + " must be refused");
        }
    }

    @Test
    void shouldPermitPublicAddresses() {
        AddressPolicy policy = AddressPolicy.publicOnly();
        for (String address : List.of("93.184.216.34", "1.1.1.1", "172.32.0.1", "100.128.0.1",
                "2606:4700:4700::1111", "2002:5db8:d822::1")) {
            assertTrue(policy.permits(ip(address)), address + " is public");
        }
    }

    @Test
    void shouldAllowListedRangesAndHostNames() {
        AddressPolicy policy = AddressPolicy.allowing(List.of("10.0.0.0/8, 127.0.0.1", "Fixture.Local."));
        assertTrue(policy.permits(ip("10.9.9.9")));
        assertTrue(policy.permits(ip("127.0.0.1")));
        assertFalse(policy.permits(ip("127.0.0.2")));
        assertTrue(policy.allowsHost("fixture.local"));
        assertFalse(policy.allowsHost("other.local"));
    }

    @Test
    void shouldRefuseEvenPublicAddressesAndUnlistedNamesInOnlyAllowedMode() {
        AddressPolicy policy = AddressPolicy.allowing(List.of("127.0.0.1", "localhost")).onlyAllowed();
        assertFalse(policy.permits(ip("1.1.1.1")));
        assertTrue(policy.permits(ip("127.0.0.1")));
        AddressGuard guard = new AddressGuard(policy, command -> {
            throw new AssertionError("no name may be resolved");
        });
        FetchProblem.Failure failure = assertThrows(FetchProblem.Failure.class,
                () -> guard.vet("www.example.com").await().atMost(Duration.ofSeconds(5)));
        assertEquals(FetchProblem.Kind.REFUSED_ADDRESS, failure.kind);
    }

    /** A guard that fails the test if it ever asks DNS: none of the hosts below is a name. */
    private static AddressGuard neverResolving(AddressPolicy policy) {
        return new AddressGuard(policy, command -> {
            throw new AssertionError("an address spelling must never be resolved as a name");
        });
    }

    private static FetchProblem.Failure refusal(AddressGuard guard, String host) {
        return assertThrows(FetchProblem.Failure.class, () -> guard.vet(host).await().atMost(Duration.ofSeconds(5)),
                host + " must be refused");
    }

    @Test
    void shouldVetTheAddressBrowsersReadInEverySpelling() {
        AddressGuard guard = neverResolving(AddressPolicy.allowing(List.of("127.0.0.2")).onlyAllowed());
        for (String spelling : List.of("0177.0.0.2", "127.0.2", "0x7f.0.0.2", "0x7f000002", "2130706434",
                "017700000002", "127.0.0.0x2", "127.0.0.2.", "[::ffff:127.0.0.2]", "[::ffff:7f00:2]", "::ffff:7f00:2")) {
            assertEquals(ip("127.0.0.2"), guard.vet(spelling).await().atMost(Duration.ofSeconds(5)), spelling);
        }
        for (String spelling : List.of("0177.0.0.1", "127.1", "0x7f.1", "2130706433", "[::ffff:127.0.0.1]")) {
            FetchProblem.Failure failure = refusal(guard, spelling);
            assertEquals(FetchProblem.Kind.REFUSED_ADDRESS, failure.kind);
            assertTrue(failure.getMessage().contains("127.0.0.1 is not"), spelling + ": " + failure.getMessage());
        }
    }

    @Test
    void shouldRefuseHostsThatEndInANumberWithoutAskingDns() {
        AddressGuard guard = neverResolving(AddressPolicy.publicOnly());
        for (String host : List.of("1.2.3.4.5", "0x100000000", "256.1.1.1.1", "4294967296", "example.09")) {
            assertEquals(FetchProblem.Kind.REFUSED_ADDRESS, refusal(guard, host).kind, host);
        }
    }

    @Test
    void shouldRejectMalformedRanges() {
        assertThrows(IllegalArgumentException.class, () -> AddressPolicy.allowing(List.of("10.0.0.0/40")));
        assertThrows(IllegalArgumentException.class, () -> AddressRange.parse("10.0.0.0/x"));
    }

    @Test
    void shouldVetEveryResolvedAddressOfAName() {
        AddressGuard guard = new AddressGuard(AddressPolicy.publicOnly(), Runnable::run);
        Uni<InetAddress> localhost = guard.vet("localhost");
        FetchProblem.Failure failure = assertThrows(FetchProblem.Failure.class,
                () -> localhost.await().atMost(Duration.ofSeconds(5)));
        assertEquals(FetchProblem.Kind.REFUSED_ADDRESS, failure.kind);

        AddressGuard allowing = new AddressGuard(AddressPolicy.allowing(List.of("localhost")), Runnable::run);
        assertTrue(allowing.vet("localhost").await().atMost(Duration.ofSeconds(5)).isLoopbackAddress());
    }
}
