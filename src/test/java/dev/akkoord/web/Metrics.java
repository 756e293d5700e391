package dev.akkoord.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.akkoord.testsupport.ManagementPort;

/** Reads one value from the Prometheus endpoint (on the management interface) the way a scraper would. */
final class Metrics {

    private Metrics() {
    }

    /** The sum of every sample of {@code name} whose labels contain {@code labelFilter}; 0 when there is none. */
    static double sum(String name, String labelFilter) {
        String text = ManagementPort.given().get("/q/metrics").then().statusCode(200).extract().asString();
        Pattern sample = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([0-9.eE+-]+)$",
                Pattern.MULTILINE);
        Matcher matcher = sample.matcher(text);
        double total = 0;
        while (matcher.find()) {
            String labels = matcher.group(1) == null ? "" : matcher.group(1);
            if (labels.contains(labelFilter)) {
                total += Double.parseDouble(matcher.group(2));
            }
        }
        return total;
    }
}
