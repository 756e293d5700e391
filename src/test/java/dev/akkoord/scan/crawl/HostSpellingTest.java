package dev.akkoord.scan.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Host spellings as browsers read them (WHATWG URL Standard, host parsing), without any network. */
class HostSpellingTest {

    /** Compares every spelling at once, so that a failure lists all the misread ones. */
    private static void assertReads(Map<String, String> expected) {
        Map<String, Optional<String>> read = new TreeMap<>();
        expected.keySet().forEach(spelling -> read.put(spelling, HostSpelling.urlForm(spelling)));
        Map<String, Optional<String>> wanted = new TreeMap<>();
        expected.forEach((spelling, form) -> wanted.put(spelling, Optional.of(form)));
        assertEquals(wanted, read);
    }

    private static void assertRefused(String... spellings) {
        Map<String, Optional<String>> read = new TreeMap<>();
        Map<String, Optional<String>> wanted = new TreeMap<>();
        for (String spelling : spellings) {
            read.put(spelling, HostSpelling.urlForm(spelling));
            wanted.put(spelling, Optional.empty());
        }
        assertEquals(wanted, read);
    }

    @Test
    void shouldReadEveryIpv4SpellingAsTheAddressBrowsersConnectTo() {
        assertReads(Map.ofEntries(
                Map.entry("0177.0.0.2", "127.0.0.2"), // octal, where Java reads 177.0.0.2
                Map.entry("127.1", "127.0.0.1"), // the last part fills the remaining bytes
                Map.entry("127.0.2", "127.0.0.2"),
                Map.entry("0x7f.1", "127.0.0.1"),
                Map.entry("0X7F.0.0.2", "127.0.0.2"),
                Map.entry("0x7f000001", "127.0.0.1"),
                Map.entry("2130706433", "127.0.0.1"),
                Map.entry("2130706434", "127.0.0.2"),
                Map.entry("017700000001", "127.0.0.1"),
                Map.entry("127.0.0.0x2", "127.0.0.2"),
                Map.entry("127.0.0.2.", "127.0.0.2"), // one trailing dot is allowed
                Map.entry("0x7f.00.0.1", "127.0.0.1"),
                Map.entry("0000000000000000000000177.1", "127.0.0.1"), // any number of leading zeros
                Map.entry("0x", "0.0.0.0"), // "0x" alone is zero
                Map.entry("4294967295", "255.255.255.255"),
                Map.entry("1.2.65535", "1.2.255.255"),
                Map.entry("169.254.169.254", "169.254.169.254"),
                Map.entry("%30x7f.1", "127.0.0.1"), // percent-decoded first
                Map.entry("\uff11\uff12\uff17.\uff10.\uff10.\uff12", "127.0.0.2"), // full-width digits
                Map.entry("127\u30020\u30020\u30022", "127.0.0.2"))); // ideographic full stops
    }

    @Test
    void shouldRefuseHostsThatEndInANumberButAreNoIpv4Address() {
        assertRefused(
                "1.2.3.4.5", // five parts
                "1.2.3.4.0", // five parts, even where the last one would fit
                "256.1.1.1.1",
                "0x100000000", // more than 32 bits
                "4294967296",
                "256.0.0.1", // only the last part may exceed 255
                "1.2.3.256",
                "1.2.65536",
                "09.1", // 9 is no octal digit
                "0x7g.1",
                "1..2",
                "example.1", // a name whose last label is a number
                "example.0x",
                "example.09",
                "\u0661\u0662\u0667.0.0.1"); // Arabic-Indic digits are no IPv4 digits
        assertReads(Map.of("127.0.0.1..", "127.0.0.1..")); // two dots: the last label is empty, so a name
    }

    @Test
    void shouldRefuseHostsWithCharactersHostsMayNotHave() {
        assertRefused(
                "",
                "exa mple.com",
                "a%25b.com", // a percent sign, once decoded
                "a%2Fb.com", // a slash, once decoded
                "b%ffcher.de", // not UTF-8
                "a<b.com");
    }

    @Test
    void shouldReadNamesLowerCasedAndLeaveIdnsAlone() {
        assertReads(Map.ofEntries(
                Map.entry("Example.COM", "example.com"),
                Map.entry("Example.COM.", "example.com."), // the address bar keeps the dot
                Map.entry("localhost", "localhost"),
                Map.entry("1.2.3.4.example", "1.2.3.4.example"), // ends in a label, not a number
                Map.entry("0x7f.example", "0x7f.example"),
                Map.entry("a_b.example", "a_b.example"),
                Map.entry("\uff25\uff38\uff21\uff2d\uff30\uff2c\uff25.com", "example.com"), // full-width letters
                Map.entry("B\u00fccher.de", "b\u00fccher.de"), // an IDN: lower-cased, not punycoded
                Map.entry("b%C3%BCcher.de", "b\u00fccher.de"),
                Map.entry("xn--bcher-kva.de", "xn--bcher-kva.de"),
                Map.entry("\u4f8b\u3048.\u30c6\u30b9\u30c8", "\u4f8b\u3048.\u30c6\u30b9\u30c8")));
    }

    @Test
    void shouldReadIpv6LiteralsInTheirCompressedForm() {
        assertReads(Map.ofEntries(
                Map.entry("[::ffff:127.0.0.2]", "[::ffff:7f00:2]"), // as Chromium's address bar shows it
                Map.entry("[::ffff:7f00:2]", "[::ffff:7f00:2]"),
                Map.entry("[0:0:0:0:0:0:0:1]", "[::1]"),
                Map.entry("[::]", "[::]"),
                Map.entry("[1::]", "[1::]"),
                Map.entry("[2001:DB8:0:0:1:0:0:1]", "[2001:db8::1:0:0:1]"), // the first of two equal runs
                Map.entry("[1:0:0:2:0:0:0:3]", "[1:0:0:2::3]"), // the longest run
                Map.entry("[1:0:3:4:5:6:7:8]", "[1:0:3:4:5:6:7:8]"), // a single zero piece stays
                Map.entry("[0001:02:3:4:5:6:7:8]", "[1:2:3:4:5:6:7:8]"),
                Map.entry("[::1.2.3.4]", "[::102:304]"),
                Map.entry("[64:ff9b::10.0.0.1]", "[64:ff9b::a00:1]")));
        assertRefused(
                "[::1",
                "[]",
                "[1::2::3]",
                "[1:2:3:4:5:6:7:8:9]",
                "[1:2:3:4:5:6:7]",
                "[1:2:3:4:5:6::7:8]", // "::" must stand for at least one piece
                "[12345::]",
                "[::1%25eth0]", // no zone ids in URLs
                "[::1.2.3]",
                "[::01.2.3.4]", // no leading zeros in the embedded IPv4 address
                "[::0x7f.0.0.1]",
                "[1:2:3:4:5:6:7:1.2.3.4]",
                "[:1]",
                "[1:]");
    }

    @Test
    void shouldGiveTheCanonicalFormTheCrawlerComparesAndVets() {
        assertEquals(Optional.of("example.com"), HostSpelling.canonical("Example.COM."));
        assertEquals(Optional.of("127.0.0.2"), HostSpelling.canonical("0177.0.0.2"));
        assertEquals(Optional.of("127.0.0.2"), HostSpelling.canonical("127.0.0.2."));
        assertEquals(Optional.of("::ffff:7f00:2"), HostSpelling.canonical("[::ffff:127.0.0.2]"));
        assertEquals(Optional.of("::1"), HostSpelling.canonical("0:0::1"), "bare, as AddressPolicy.normalizeHost gives");
        assertEquals(Optional.empty(), HostSpelling.canonical("1.2.3.4.5"));
        assertEquals(Optional.empty(), HostSpelling.canonical("127.0.0.1.."),
                "a name to browsers, but an address once its dots are gone: refused");
    }
}
