package dev.akkoord.scan.crawl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SitemapTest {

    @Test
    void shouldReadUrlsAndIndexes() {
        Sitemap set = Sitemap.parse("""
                <?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                <url><loc> https://a.test/1 </loc><lastmod>2025-01-01</lastmod></url>
                <url><loc><![CDATA[https://a.test/2?x=1&y=2]]></loc></url></urlset>""".getBytes(UTF_8), 100);
        assertFalse(set.index());
        assertEquals(List.of("https://a.test/1", "https://a.test/2?x=1&y=2"), set.locations());

        Sitemap index = Sitemap.parse("<sitemapindex><sitemap><loc>https://a.test/s1.xml</loc></sitemap></sitemapindex>"
                .getBytes(UTF_8), 100);
        assertTrue(index.index());
        assertEquals(List.of("https://a.test/s1.xml"), index.locations());
    }

    @Test
    void shouldStopAtTheCap() {
        StringBuilder xml = new StringBuilder("<urlset>");
        for (int i = 0; i < 50; i++) {
            xml.append("<url><loc>https://a.test/").append(i).append("</loc></url>");
        }
        assertEquals(10, Sitemap.parse(xml.append("</urlset>").toString().getBytes(UTF_8), 10).locations().size());
    }

    @Test
    void shouldRefuseDtdsAndOtherDocuments() {
        String entity = "<?xml version=\"1.0\"?><!DOCTYPE u [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<urlset><url><loc>&x;</loc></url></urlset>";
        assertThrows(IllegalArgumentException.class, () -> Sitemap.parse(entity.getBytes(UTF_8), 10));
        assertThrows(IllegalArgumentException.class, () -> Sitemap.parse("<html></html>".getBytes(UTF_8), 10));
        assertThrows(IllegalArgumentException.class, () -> Sitemap.parse("not xml".getBytes(UTF_8), 10));
    }
}
