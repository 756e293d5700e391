package dev.akkoord.scan.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akkoord.scan.crawl.ConnectionCounter;
import dev.akkoord.scan.crawl.FetchProblem;
import dev.akkoord.scan.crawl.FixtureServer;
import java.net.ServerSocket;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The browser reaches only what the address guard allows: with only 127.0.0.1 allowed, a page that points at
 * 127.0.0.2 in every spelling browsers accept, through every kind of request and through redirects, makes no
 * connection there (a listener on 127.0.0.2 counts them), while 127.0.0.1 in odd spellings is reached.
 */
class BrowserGateTest {

    private static final byte[] FORBIDDEN = {127, 0, 0, 2};
    private static final byte[] ALLOWED = {127, 0, 0, 1};

    @Test
    void refusesAForbiddenLoopbackAddressInEverySpellingAndRequestKind() throws Exception {
        int port = freePort();
        try (ConnectionCounter forbidden = new ConnectionCounter(FORBIDDEN, port);
                ConnectionCounter allowedProbe = new ConnectionCounter(ALLOWED, freePort());
                ScanRig rig = new ScanRig();
                FixtureServer site = new FixtureServer(rig.vertx.getDelegate())) {
            String p = ":" + port;
            String[] spellings = {"127.0.0.2", "0177.0.0.2", "127.0.2", "0x7f.0.0.2", "0x7f000002", "2130706434",
                    "017700000002", "127.0.0.2.", "[::ffff:127.0.0.2]", "[::ffff:7f00:2]"};
            StringBuilder html = new StringBuilder("<html><head>");
            StringBuilder script = new StringBuilder("<script>");
            for (int i = 0; i < spellings.length; i++) {
                String base = "http://" + spellings[i] + p;
                html.append("<script src=\"").append(base).append("/s").append(i).append(".js\"></script>")
                        .append("<link rel=\"stylesheet\" href=\"").append(base).append("/c.css\">")
                        .append("<link rel=\"prefetch\" href=\"").append(base).append("/prefetch\">");
                script.append("fetch('").append(base).append("/fetch').catch(() => {});")
                        .append("try { new WebSocket('ws://").append(spellings[i]).append(p).append("/ws'); } catch (e) {}")
                        .append("navigator.sendBeacon('").append(base).append("/beacon', 'x');")
                        .append("new Image().src = '").append(base).append("/img';")
                        .append("try { const x = new XMLHttpRequest(); x.open('GET', 'https://")
                        .append(spellings[i]).append(p).append("/xhr'); x.send(); } catch (e) {}");
            }
            script.append("</script>");
            html.append("</head><body>").append(script)
                    .append("<iframe src=\"/to-forbidden\"></iframe><img src=\"/to-forbidden\">")
                    .append("<img src=\"http://127.1:").append(allowedProbe.port()).append("/probe\">")
                    .append("<a href=\"/navigate-away\">next</a></body></html>");
            site.page("/", html.toString());
            site.redirect("/to-forbidden", "http://0177.0.0.2" + p + "/redirected");
            site.redirect("/navigate-away", "http://0x7f.0.0.2" + p + "/landing");

            BrowserReport report = rig.scan(site.port());

            assertEquals(0, forbidden.accepted(), "no connection may reach 127.0.0.2");
            assertTrue(allowedProbe.accepted() > 0, "127.1 (that is 127.0.0.1) is reached through the gate");
            List<String> refusals = report.problems().stream()
                    .filter(problem -> problem.kind() == FetchProblem.Kind.REFUSED_ADDRESS)
                    .map(FetchProblem::detail).collect(Collectors.toList());
            assertTrue(refusals.stream().anyMatch(detail -> detail.contains("127.0.0.2")), refusals.toString());
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
