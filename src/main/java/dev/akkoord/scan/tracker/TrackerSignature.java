package dev.akkoord.scan.tracker;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to recognise one tracker in a page, and which cookies its JavaScript writes (invisible to a static crawl, so
 * they are inferred). Patterns may capture an account id in group 1; cookie names may use it as {@code {id}}.
 *
 * @param key      stable identifier, for example {@code google-analytics-4}
 * @param vendor   display name, matching the knowledge base's platform where possible
 * @param category {@code analytical} or {@code marketing}: what blocking this tracker's hosts belongs to
 * @param hosts    hosts (and their subdomains) whose scripts, frames or pixels mean this tracker
 * @param urls     patterns found anywhere in a loaded resource's URL
 * @param snippets patterns found in inline script text
 * @param cookies  cookies the tracker's script sets
 */
public record TrackerSignature(String key, String vendor, String category, List<String> hosts, List<Pattern> urls,
        List<Pattern> snippets, List<InferredCookie> cookies) {

    /**
     * A cookie a tracker sets.
     *
     * @param name   the name; {@code {id}} stands for the captured account id; a trailing {@code *} marks a
     *               prefix (the rest of the real name is random)
     * @param domain the domain it is set on; null means the page's site (first-party JavaScript cookie)
     */
    public record InferredCookie(String name, String domain) {
        public InferredCookie {
            Objects.requireNonNull(name, "name");
        }

        /** The concrete name for an account id, or null when the name needs an id and none was captured. */
        public String nameFor(String id) {
            if (name.contains("{id}")) {
                return id == null ? null : name.replace("{id}", id);
            }
            return name;
        }
    }

    public TrackerSignature {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(vendor, "vendor");
        if (!category.equals("analytical") && !category.equals("marketing")) {
            throw new IllegalArgumentException("tracker " + key + ": category must be analytical or marketing");
        }
        hosts = List.copyOf(hosts);
        urls = List.copyOf(urls);
        snippets = List.copyOf(snippets);
        cookies = List.copyOf(cookies);
    }

    /** Whether the host is one of this tracker's hosts or a subdomain of one. */
    public boolean ownsHost(String host) {
        for (String h : hosts) {
            if (host.equals(h) || host.endsWith("." + h)) {
                return true;
            }
        }
        return false;
    }
}
