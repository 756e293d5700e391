package dev.akkoord.scan.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class RobotsRulesTest {

    private static boolean allows(RobotsRules rules, String path) {
        return rules.allows(URI.create("https://example.com" + path));
    }

    @Test
    void shouldUseOurOwnGroupInsteadOfTheStarGroup() {
        RobotsRules rules = RobotsRules.parse("""
                User-agent: *
                Disallow: /

                User-agent: OtherBot
                User-agent: akkoordscanner
                Disallow: /admin
                """, "AkkoordScanner");
        assertTrue(allows(rules, "/"), "the * group does not apply once a group names us");
        assertFalse(allows(rules, "/admin/users"));
    }

    @Test
    void shouldFallBackToTheStarGroup() {
        RobotsRules rules = RobotsRules.parse("User-agent: Googlebot\nDisallow: /\n\nUser-agent: *\nDisallow: /tmp/\n",
                "AkkoordScanner");
        assertTrue(allows(rules, "/"));
        assertFalse(allows(rules, "/tmp/x"));
    }

    @Test
    void shouldLetTheLongestRuleWinAndAllowWinATie() {
        RobotsRules rules = RobotsRules.parse("""
                User-agent: *
                Disallow: /shop
                Allow: /shop/public
                Disallow: /same
                Allow: /same
                """, "AkkoordScanner");
        assertFalse(allows(rules, "/shop/cart"));
        assertTrue(allows(rules, "/shop/public/1"));
        assertTrue(allows(rules, "/same"));
    }

    @Test
    void shouldHonourWildcardsAndEndAnchors() {
        RobotsRules rules = RobotsRules.parse("""
                User-agent: *
                Disallow: /*.pdf$
                Disallow: /*?session=
                """, "AkkoordScanner");
        assertFalse(allows(rules, "/files/a.pdf"));
        assertTrue(allows(rules, "/files/a.pdf.html"));
        assertFalse(allows(rules, "/page?session=1"));
        assertTrue(allows(rules, "/page?lang=nl"));
    }

    @Test
    void shouldIgnoreEmptyDisallowAndCollectSitemapsAnywhere() {
        RobotsRules rules = RobotsRules.parse("""
                # comment
                Sitemap: https://example.com/a.xml
                User-agent: *
                Disallow:
                Sitemap: https://example.com/b.xml # trailing comment
                """, "AkkoordScanner");
        assertTrue(allows(rules, "/anything"));
        assertEquals(List.of("https://example.com/a.xml", "https://example.com/b.xml"), rules.sitemaps());
    }

    @Test
    void shouldAlwaysAllowRobotsTxtItselfButNothingWhenUnavailable() {
        RobotsRules rules = RobotsRules.parse("User-agent: *\nDisallow: /\n", "AkkoordScanner");
        assertTrue(allows(rules, "/robots.txt"));
        assertFalse(allows(rules, "/"));
        assertFalse(allows(RobotsRules.disallowAll(), "/"));
        assertTrue(allows(RobotsRules.allowAll(), "/admin"));
    }
}
