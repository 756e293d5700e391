package dev.akkoord.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The shipped knowledge: the Open Cookie Database as published, and our overlay on top. */
class KnowledgeBaseTest {

    /** The upstream snapshot's checksum, from ../shared/data/open-cookie-database/SOURCE.md. */
    private static final String UPSTREAM_SHA256 = "0a8d78901ae55d859e34f7cc760262819af4c764b4f9bc3bbdeea2296e31f156";

    @Test
    void shouldShipTheOpenCookieDatabaseUneditedWithItsLicence() throws Exception {
        assertEquals(UPSTREAM_SHA256, sha256(KnowledgeBase.OCD_PATH));
        assertNotNull(resource("classify/open-cookie-database/LICENSE"));
        assertNotNull(resource("classify/open-cookie-database/NOTICE"));
    }

    @Test
    void shouldLoadEveryUpstreamRowWithTheOverlayApplied() {
        List<KnownCookie> cookies = KnowledgeBase.load().cookies();
        assertEquals(2264, cookies.size());
        for (KnownCookie cookie : cookies) {
            assertFalse(cookie.name().isBlank(), cookie::toString);
            assertFalse(cookie.name().contains("*") || cookie.name().contains("\u00ad"), cookie::toString);
            assertEquals(cookie.name().strip(), cookie.name(), cookie::toString);
        }
        KnownCookie ut = cookies.stream().filter(c -> c.id().equals("452ba8c5-b674-4910-803a-46d1461f75ca")).findFirst()
                .orElseThrow();
        assertEquals("ut", ut.name());
        assertEquals(List.of("betweendigital.com"), ut.hosts());
        assertTrue(cookies.stream().anyMatch(c -> c.name().equals("aboutads_sess") && c.wildcard()));
        assertTrue(cookies.stream().anyMatch(c -> c.name().equals("SCM") && c.wildcard()), "SCM* is a pattern");
    }

    @Test
    void shouldMapCategoriesOntoOurs() {
        List<KnownCookie> cookies = KnowledgeBase.load().cookies();
        long functional = cookies.stream().filter(c -> c.category() == Category.FUNCTIONAL).count();
        long analytical = cookies.stream().filter(c -> c.category() == Category.ANALYTICAL).count();
        long marketing = cookies.stream().filter(c -> c.category() == Category.MARKETING).count();
        // Functional 977 + Security 24 + Necessary 9 + Personalization 3; Analytics 390; Marketing 861
        assertEquals(1013, functional);
        assertEquals(390, analytical);
        assertEquals(861, marketing);
    }

    @Test
    void shouldLeaveOutWhatWithoutRemoves() {
        KnowledgeBase full = KnowledgeBase.load();
        KnowledgeBase smaller = full.without(c -> c.name().equals("_ga"));
        assertEquals(full.cookies().size() - 1, smaller.cookies().size());
        assertTrue(smaller.cookies().stream().noneMatch(c -> c.name().equals("_ga")));
    }

    private static String sha256(String path) throws IOException, NoSuchAlgorithmException {
        try (InputStream in = resource(path)) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        }
    }

    private static InputStream resource(String path) {
        return KnowledgeBaseTest.class.getClassLoader().getResourceAsStream(path);
    }
}
