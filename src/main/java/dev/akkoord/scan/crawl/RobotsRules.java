package dev.akkoord.scan.crawl;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The robots.txt rules that apply to one product token (RFC 9309): the groups naming the token, else the {@code *}
 * groups; the longest matching Allow or Disallow pattern decides, Allow winning a tie; {@code *} and a final
 * {@code $} are the only special characters. Sitemap lines are collected whatever group they sit in.
 */
public final class RobotsRules {

    private record Rule(boolean allow, String pattern, Pattern regex) {
    }

    private static final RobotsRules ALLOW_ALL = new RobotsRules(List.of(), List.of(), false);
    private static final RobotsRules DISALLOW_ALL = new RobotsRules(List.of(), List.of(), true);

    private final List<Rule> rules;
    private final List<String> sitemaps;
    private final boolean disallowAll;

    private RobotsRules(List<Rule> rules, List<String> sitemaps, boolean disallowAll) {
        this.rules = List.copyOf(rules);
        this.sitemaps = List.copyOf(sitemaps);
        this.disallowAll = disallowAll;
    }

    /** No robots.txt (4xx): everything is allowed. */
    public static RobotsRules allowAll() {
        return ALLOW_ALL;
    }

    /** robots.txt unreachable (5xx or network failure): RFC 9309 says assume complete disallow. */
    public static RobotsRules disallowAll() {
        return DISALLOW_ALL;
    }

    public static RobotsRules parse(String text, String productToken) {
        String token = productToken.toLowerCase(Locale.ROOT);
        List<Rule> mine = new ArrayList<>();
        List<Rule> star = new ArrayList<>();
        List<String> sitemaps = new ArrayList<>();
        boolean groupIsMine = false;
        boolean groupIsStar = false;
        boolean inAgentLines = false;
        boolean sawMine = false;
        for (String raw : text.split("\r\n|\r|\n")) {
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "user-agent" -> {
                    if (!inAgentLines) { // a user-agent line after rules opens a new group
                        groupIsMine = false;
                        groupIsStar = false;
                        inAgentLines = true;
                    }
                    String agent = value.toLowerCase(Locale.ROOT);
                    if (agent.equals("*")) {
                        groupIsStar = true;
                    } else if (agent.equals(token) || agent.startsWith(token + "/")) {
                        groupIsMine = true;
                        sawMine = true;
                    }
                }
                case "allow", "disallow" -> {
                    inAgentLines = false;
                    if (value.isEmpty()) {
                        continue; // "Disallow:" with nothing means nothing is disallowed
                    }
                    Rule rule = new Rule(key.equals("allow"), value, compile(value));
                    if (groupIsMine) {
                        mine.add(rule);
                    }
                    if (groupIsStar) {
                        star.add(rule);
                    }
                }
                case "sitemap" -> sitemaps.add(value);
                default -> inAgentLines = false;
            }
        }
        return new RobotsRules(sawMine ? mine : star, sitemaps, false);
    }

    public List<String> sitemaps() {
        return sitemaps;
    }

    /** The rules of the URL's origin among rules read per authority; www. and its bare domain stand in for each other. */
    public static RobotsRules forUrl(java.util.Map<String, RobotsRules> byAuthority, URI url) {
        RobotsRules rules = byAuthority.get(url.getRawAuthority());
        if (rules == null) {
            String authority = url.getRawAuthority();
            rules = byAuthority.get(authority.startsWith("www.") ? authority.substring(4) : "www." + authority);
        }
        return rules == null ? allowAll() : rules;
    }

    public boolean allows(URI url) {
        if (disallowAll) {
            return false;
        }
        String target = Urls.requestTarget(url);
        if (target.equals("/robots.txt")) {
            return true;
        }
        Rule best = null;
        for (Rule rule : rules) {
            if (rule.regex.matcher(target).lookingAt()) {
                if (best == null || rule.pattern.length() > best.pattern.length()
                        || rule.pattern.length() == best.pattern.length() && rule.allow) {
                    best = rule;
                }
            }
        }
        return best == null || best.allow;
    }

    private static Pattern compile(String pattern) {
        boolean anchored = pattern.endsWith("$");
        String body = anchored ? pattern.substring(0, pattern.length() - 1) : pattern;
        StringBuilder regex = new StringBuilder();
        String[] pieces = body.split("\\*", -1);
        for (int i = 0; i < pieces.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(pieces[i]));
        }
        if (anchored) {
            regex.append('$');
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
