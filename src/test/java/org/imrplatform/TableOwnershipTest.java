package org.imrplatform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every table and view belongs to exactly one module, as docs/architecture.md declares; a module's SQL names only
 * its own tables and views, and the read views other modules publish (named after their owner). The declaration is
 * read from the document itself, so the document cannot drift from the code.
 */
class TableOwnershipTest {

    private static final Path SOURCES = Path.of("src/main/java/org/imrplatform");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    /** A row of the ownership table: | `module` | `table`, `table` | `view`, `view` | */
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z]+)` \\|([^|]*)\\|([^|]*)\\|");
    private static final Pattern NAME = Pattern.compile("`([a-z_0-9]+)`");
    private static final Pattern CREATED = Pattern.compile(
            "create\\s+(?:table|view|or\\s+replace\\s+view)\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z_0-9]*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DROPPED = Pattern.compile(
            "drop\\s+(?:table|view)\\s+(?:if\\s+exists\\s+)?([a-z_][a-z_0-9]*)", Pattern.CASE_INSENSITIVE);
    /** Where SQL names a table: after from, join, into, update, or an exists check. */
    private static final Pattern NAMED = Pattern.compile("\\b(?:from|join|into|update)\\s+([a-z_][a-z_0-9]*)",
            Pattern.CASE_INSENSITIVE);
    /** Java string literals and text blocks (escaped quotes included); adjacent parts joined with + are one. */
    private static final Pattern LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"",
            Pattern.DOTALL);

    private record Ownership(Map<String, String> ownerOf, Map<String, String> publishedBy) {
    }

    @Test
    void everyTableAndViewHasExactlyOneOwner() throws IOException {
        Ownership ownership = declared();
        Set<String> existing = existingTablesAndViews();
        assertThat(new TreeSet<>(ownership.ownerOf().keySet()))
                .as("tables and views in docs/architecture.md match those the migrations leave")
                .isEqualTo(new TreeSet<>(existing));
        ownership.publishedBy().forEach((view, module) -> assertThat(view)
                .as("a read view is named after the module that publishes it").startsWith(module + "_"));
    }

    @Test
    void modulesNameOnlyTheirOwnTablesAndPublishedViews() throws IOException {
        Ownership ownership = declared();
        List<String> trespasses = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String module = SOURCES.relativize(file).getName(0).toString();
                for (String table : namedTables(Files.readString(file))) {
                    String owner = ownership.ownerOf().get(table);
                    if (owner != null && !owner.equals(module) && !ownership.publishedBy().containsKey(table)) {
                        trespasses.add(SOURCES.relativize(file) + " names " + table + ", owned by " + owner);
                    }
                }
            }
        }
        assertThat(trespasses).as("SQL naming another module's table").isEmpty();
    }

    @Test
    void theCheckSeesTablesInJoinedLiteralsAndTextBlocks() {
        String code = """
                jdbc.sql("select x from course_completion c"
                        + " join account a on a.id = c.account_id");
                jdbc.sql(\"""
                        insert into
                          certificate (code) values (?)
                        \""");
                log.info("moved from Learn into the new module");
                """;
        // Words that are not tables ("learn") are found too; only names of declared tables and views count.
        assertThat(namedTables(code)).contains("course_completion", "account", "certificate");
    }

    /** Tables named by the SQL in a source file's string literals. */
    private static Set<String> namedTables(String source) {
        String withoutComments = source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//.*$", "");
        StringBuilder sql = new StringBuilder();
        Matcher literal = LITERAL.matcher(withoutComments);
        int previousEnd = -1;
        while (literal.find()) {
            boolean joined = previousEnd >= 0
                    && withoutComments.substring(previousEnd, literal.start()).strip().equals("+");
            sql.append(joined ? "" : "\n").append(literal.group(1) != null ? literal.group(1) : literal.group(2));
            previousEnd = literal.end();
        }
        Set<String> tables = new LinkedHashSet<>();
        Matcher named = NAMED.matcher(sql);
        while (named.find()) {
            tables.add(named.group(1).toLowerCase(Locale.ROOT));
        }
        return tables;
    }

    private static Ownership declared() throws IOException {
        Map<String, String> ownerOf = new HashMap<>();
        Map<String, String> publishedBy = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("docs/architecture.md"))) {
            Matcher row = ROW.matcher(line);
            if (!row.find()) {
                continue;
            }
            String module = row.group(1);
            assertThat(SOURCES.resolve(module)).as("module %s in docs/architecture.md", module).isDirectory();
            for (int column = 2; column <= 3; column++) {
                Matcher name = NAME.matcher(row.group(column));
                while (name.find()) {
                    String previous = ownerOf.put(name.group(1), module);
                    assertThat(previous).as("%s is declared once, not by %s and %s", name.group(1), previous, module)
                            .isNull();
                    if (column == 3) {
                        publishedBy.put(name.group(1), module);
                    }
                }
            }
        }
        assertThat(ownerOf).as("ownership rows in docs/architecture.md").isNotEmpty();
        return new Ownership(ownerOf, publishedBy);
    }

    /** What the migrations create minus what they drop, in version order. */
    private static Set<String> existingTablesAndViews() throws IOException {
        record Migration(int version, String text) {
        }
        List<Migration> migrations = new ArrayList<>();
        for (Path dir : List.of(MIGRATIONS, Path.of("src/main/java/db/migration"))) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    migrations.add(new Migration(Integer.parseInt(name.substring(1, name.indexOf("__"))),
                            Files.readString(file)));
                }
            }
        }
        migrations.sort((a, b) -> Integer.compare(a.version(), b.version()));
        Set<String> existing = new TreeSet<>();
        for (Migration migration : migrations) {
            Matcher created = CREATED.matcher(migration.text());
            while (created.find()) {
                existing.add(created.group(1).toLowerCase(Locale.ROOT));
            }
            Matcher dropped = DROPPED.matcher(migration.text());
            while (dropped.find()) {
                existing.remove(dropped.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return existing;
    }
}
