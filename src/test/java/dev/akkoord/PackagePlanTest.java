package dev.akkoord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The plan of the capability packages (the first segment below {@code dev.akkoord}): who imports whom. Arrows must
 * go one way, so a newcomer can read the packages from the bottom up and a change cannot ripple back round.
 */
class PackagePlanTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/akkoord");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?dev\\.akkoord\\.([a-z]+)\\.",
            Pattern.MULTILINE);

    /** The layers, bottom first, as the README's "Layout" draws them: a package imports only those before it. */
    private static final List<String> LAYERS = List.of("web", "site", "classify", "consent", "analytics", "scan",
            "widget", "cdn", "account", "alert", "dashboard", "embedded");

    @Test
    void packagesImportEachOtherInOneDirectionOnly() throws IOException {
        Map<String, Set<String>> plan = plan();
        assertTrue(plan.size() > 5, "the plan was read from " + SOURCES.toAbsolutePath() + ": " + plan);
        List<String> cycle = firstCycle(plan);
        assertEquals(List.of(), cycle, "packages in a circle; the plan is " + plan);
    }

    @Test
    void everyPackageImportsOnlyTheLayersBelowIt() throws IOException {
        List<String> upwards = new ArrayList<>();
        plan().forEach((owner, imported) -> {
            assertTrue(LAYERS.contains(owner), "a package the plan does not know: " + owner + "; add it to LAYERS "
                    + "and to the README's Layout");
            for (String target : imported) {
                if (LAYERS.indexOf(target) > LAYERS.indexOf(owner)) {
                    upwards.add(owner + " -> " + target);
                }
            }
        });
        assertEquals(List.of(), upwards, "imports against the layers " + LAYERS);
    }

    @Test
    void theCycleFinderFindsACircle() {
        Map<String, Set<String>> plan = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of());
        assertEquals(List.of("a", "b", "c", "a"), firstCycle(new TreeMap<>(plan)));
    }

    /** Package → the packages its classes import (itself left out). */
    private static Map<String, Set<String>> plan() throws IOException {
        Map<String, Set<String>> plan = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue;
                }
                String owner = relative.getName(0).toString();
                Set<String> imported = plan.computeIfAbsent(owner, p -> new TreeSet<>());
                Matcher imports = IMPORT.matcher(Files.readString(file));
                while (imports.find()) {
                    if (!imports.group(1).equals(owner)) {
                        imported.add(imports.group(1));
                    }
                }
            }
        }
        return plan;
    }

    /** The first circle a depth-first walk meets, as a path that ends where it starts; empty when there is none. */
    private static List<String> firstCycle(Map<String, Set<String>> plan) {
        Map<String, Integer> state = new TreeMap<>();
        for (String start : plan.keySet()) {
            List<String> cycle = walk(start, plan, state, new ArrayList<>());
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        return List.of();
    }

    private static List<String> walk(String node, Map<String, Set<String>> plan, Map<String, Integer> state,
            List<String> path) {
        Integer seen = state.get(node);
        if (seen != null && seen == 2) {
            return List.of();
        }
        if (seen != null) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
            cycle.add(node);
            return cycle;
        }
        state.put(node, 1);
        path.add(node);
        for (String next : plan.getOrDefault(node, Set.of())) {
            List<String> cycle = walk(next, plan, state, path);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        state.put(node, 2);
        return List.of();
    }
}
