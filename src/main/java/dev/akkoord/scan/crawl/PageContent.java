package dev.akkoord.scan.crawl;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What the crawler needs from one HTML page: its links, the scripts, frames and pixels it loads, and its inline
 * script text (for tracker snippets). Built with Jsoup, which is CPU work: call it on a worker thread.
 */
record PageContent(List<URI> links, List<Resource> resources, List<String> inlineScripts) {

    /** A script, frame or image the page loads. */
    record Resource(Kind kind, URI url) {
        enum Kind { SCRIPT, FRAME, PIXEL }
    }

    /** Inline scripts longer than this are cut: snippets sit near the start, and megabytes of JSON do not matter. */
    static final int INLINE_SCRIPT_CHARS = 64 * 1024;

    static PageContent parse(byte[] body, String charset, URI url) {
        Document document;
        try {
            document = Jsoup.parse(new ByteArrayInputStream(body), knownCharset(charset), url.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen with an in-memory stream
        }
        Set<URI> links = new LinkedHashSet<>();
        for (Element a : document.select("a[href], area[href]")) {
            URI link = Urls.canonical(a.absUrl("href"));
            if (link != null) {
                links.add(link);
            }
        }
        Set<Resource> resources = new LinkedHashSet<>();
        for (Element script : document.select("script[src]")) {
            add(resources, Resource.Kind.SCRIPT, script.absUrl("src"));
        }
        for (Element frame : document.select("iframe[src], frame[src]")) {
            add(resources, Resource.Kind.FRAME, frame.absUrl("src"));
        }
        for (Element img : document.select("img[src]")) {
            URI src = Urls.canonical(img.absUrl("src"));
            if (src != null && (isPixelSized(img) || !src.getHost().equals(url.getHost())
                    || !img.parents().select("noscript").isEmpty())) {
                resources.add(new Resource(Resource.Kind.PIXEL, src));
            }
        }
        List<String> inline = new ArrayList<>();
        for (Element script : document.select("script:not([src])")) {
            String code = script.data();
            if (!code.isBlank()) {
                inline.add(code.length() > INLINE_SCRIPT_CHARS ? code.substring(0, INLINE_SCRIPT_CHARS) : code);
            }
        }
        for (Element noscript : document.select("noscript")) { // some parsers keep noscript content as text
            String html = noscript.html();
            if (html.contains("<img")) {
                for (Element img : Jsoup.parseBodyFragment(html, url.toString()).select("img[src]")) {
                    add(resources, Resource.Kind.PIXEL, img.absUrl("src"));
                }
            }
        }
        return new PageContent(List.copyOf(links), List.copyOf(resources), inline);
    }

    private static void add(Set<Resource> resources, Resource.Kind kind, String url) {
        URI uri = Urls.canonical(url);
        if (uri != null) {
            resources.add(new Resource(kind, uri));
        }
    }

    private static boolean isPixelSized(Element img) {
        return img.attr("width").strip().matches("[01](px)?") || img.attr("height").strip().matches("[01](px)?");
    }

    private static String knownCharset(String charset) {
        if (charset == null) {
            return null; // Jsoup then reads the BOM or <meta charset>, falling back to UTF-8
        }
        try {
            return Charset.isSupported(charset) ? charset : null;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }
}
