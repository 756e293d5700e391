package dev.akkoord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Each table has one owning package: only its classes name the table in SQL or map it as an entity; the others call
 * that package's services. Tables are read from the migrations, so a new one is covered without a list to keep.
 */
class TableOwnersTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/akkoord");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern CREATED = Pattern.compile("(?i)CREATE TABLE (?:IF NOT EXISTS )?([a-z_]+)");

    @Test
    void everyTableIsNamedByOnePackageOnly() throws IOException {
        Set<String> tables = tables();
        assertTrue(tables.contains("consent_records") && tables.contains("sites"), "tables read: " + tables);
        Map<String, Set<String>> users = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String owner = SOURCES.relativize(file).getName(0).toString();
                String source = Files.readString(file);
                for (String table : tables) {
                    if (names(source, table)) {
                        users.computeIfAbsent(table, t -> new TreeSet<>()).add(owner);
                    }
                }
            }
        }
        Map<String, Set<String>> shared = new TreeMap<>(users);
        shared.values().removeIf(packages -> packages.size() == 1);
        assertEquals(Map.of(), shared, "tables named by more than one package; owners: " + users);
    }

    @Test
    void theSearchSeesATableInSqlAndInAnEntity() {
        assertTrue(names("pool.query(\"SELECT id FROM sites WHERE x\")", "sites"));
        assertTrue(names("@Table(name = \"sites\")", "sites"));
        assertTrue(!names("\"SELECT id FROM sites_old\"", "sites") && !names("// the sites we serve", "sites"));
    }

    private static boolean names(String source, String table) {
        return Pattern.compile("(?i)(FROM|JOIN|INTO|UPDATE|TABLE)\\s+" + table + "\\b(?!_)").matcher(source).find()
                || source.contains("@Table(name = \"" + table + "\")");
    }

    private static Set<String> tables() throws IOException {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.toList()) {
                Matcher created = CREATED.matcher(Files.readString(file));
                while (created.find()) {
                    tables.add(created.group(1).toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return tables;
    }
}
