package dev.akkoord.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.akkoord.web.ProblemException;

/** Reads a {@code text/csv} body of cookies: a header naming a {@code name} column and optionally a {@code domain} column. */
final class CookieListCsv {

    private CookieListCsv() {
    }

    static List<ClassifyRequest> parse(String body, int maxNames) {
        String text = body == null ? "" : body.startsWith("\uFEFF") ? body.substring(1) : body;
        String[] lines = text.split("\r?\n", -1);
        int headerLine = firstNonBlank(lines);
        if (headerLine < 0) {
            throw ProblemException.badRequest("The CSV body is empty; send a header line 'name,domain' and one cookie per line");
        }
        List<String> header = fields(lines[headerLine], headerLine).stream()
                .map(column -> column.strip().toLowerCase(Locale.ROOT)).toList();
        int name = header.indexOf("name");
        int domain = header.indexOf("domain");
        if (name < 0) {
            throw ProblemException.badRequest("The CSV header must name a 'name' column (and may name 'domain'); got: "
                    + lines[headerLine].strip());
        }
        List<ClassifyRequest> cookies = new ArrayList<>();
        for (int i = headerLine + 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> row = fields(lines[i], i);
            if (row.size() != header.size()) {
                throw ProblemException.badRequest("CSV line " + (i + 1) + " has " + row.size() + " fields; the header has "
                        + header.size());
            }
            if (cookies.size() == maxNames) {
                throw ProblemException.badRequest("At most " + maxNames + " cookies per request");
            }
            String domainValue = domain < 0 ? null : row.get(domain).strip();
            cookies.add(new ClassifyRequest(row.get(name), domainValue == null || domainValue.isEmpty() ? null : domainValue));
        }
        return cookies;
    }

    private static int firstNonBlank(String[] lines) {
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> fields(String line, int index) {
        try {
            return Csv.parseLine(line);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("CSV line " + (index + 1) + ": " + e.getMessage());
        }
    }
}
