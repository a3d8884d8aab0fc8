package org.imrplatform.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Every message a person reads exists in English and in Spanish: the two files have the same keys, and every key
 * the code names (a problem's code, a form error, a flash message...) is in both, so no page falls back to English
 * or shows a bare key. Each is written so that it is printed as meant.
 */
class MessageKeysTest {

    /** A string literal shaped like a key, {@code "package.slide.kind"}, or a validation message, "{...}". */
    private static final Pattern KEY_LITERAL = Pattern.compile("\"\\{?([a-z][A-Za-z]*(?:\\.[A-Za-z0-9-]+)+)}?\"");
    /** Literals naming files are shaped like keys too: {@code "course.yaml"}, {@code "outcomes.csv"}. */
    private static final Pattern FILE_NAME = Pattern.compile(".*\\.(yaml|csv|xlsx|pdf|zip|html|svg)");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d");
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    private static final Properties ENGLISH = load("messages.properties");
    private static final Properties SPANISH = load("messages_es.properties");

    @Test
    void englishAndSpanishHaveTheSameKeys() {
        assertThat(missing(ENGLISH.stringPropertyNames(), SPANISH)).as("keys missing from messages_es.properties")
                .isEmpty();
        assertThat(missing(SPANISH.stringPropertyNames(), ENGLISH)).as("keys missing from messages.properties")
                .isEmpty();
    }

    @Test
    void everyKeyTheCodeNamesIsInBothLanguages() throws IOException {
        Set<String> named = keysNamedIn(Path.of("src/main/java"));
        // The scan must see the codes, or it proves nothing.
        assertThat(named).contains("package.slide.kind", "yaml.field.unknown", "package.in.slide",
                "instrument.anchor.missing", "package.upload.none", "register.email.taken");
        assertThat(missing(named, ENGLISH)).as("keys named in the code but missing from messages.properties")
                .isEmpty();
        assertThat(missing(named, SPANISH)).as("keys named in the code but missing from messages_es.properties")
                .isEmpty();
    }

    /**
     * Spring runs a message through MessageFormat only when it has arguments: it must then be a valid pattern, and
     * an apostrophe is written twice (a lone one starts a quotation, and the placeholders after it would be printed
     * as they are). A message without arguments is printed as written, so there an apostrophe is written once.
     */
    @Test
    void everyMessageIsWrittenTheWayItIsPrinted() {
        for (Properties messages : List.of(ENGLISH, SPANISH)) {
            Set<String> wrong = new TreeSet<>();
            messages.stringPropertyNames().forEach(key -> {
                String text = messages.getProperty(key);
                boolean formatted = PLACEHOLDER.matcher(text).find();
                if (formatted ? LONE_APOSTROPHE.matcher(text).find() || !isPattern(text) : text.contains("''")) {
                    wrong.add(key + "=" + text);
                }
            });
            assertThat(wrong).isEmpty();
        }
    }

    /**
     * What the pages print: every message a template names, with or without arguments as the template calls it,
     * resolved the way the application resolves it, in both languages, shows each apostrophe once. This catches a
     * message written for formatting but printed without arguments (its {@code ''} shows doubled) and one written
     * plainly but printed with arguments (its {@code '} disappears).
     */
    @Test
    void everyMessageThePagesPrintShowsItsApostrophesOnce() throws IOException {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        // As Spring Boot sets up the application's own (spring.messages.* in application.properties).
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        Map<String, Boolean> usages = templateUsages(Path.of("src/main/resources/templates"));
        // The scan must see both kinds of use, or it proves nothing.
        assertThat(usages).containsEntry("video.external", false).containsEntry("check.score", true);
        Set<String> wrong = new TreeSet<>();
        for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("es"))) {
            Properties messages = locale.getLanguage().equals("en") ? ENGLISH : SPANISH;
            usages.forEach((key, withArguments) -> {
                String text = messages.getProperty(key);
                if (text == null || !text.contains("'")) {
                    return;
                }
                String printed = withArguments ? printedWithArguments(source, key, locale)
                        : source.getMessage(key, null, locale);
                long meant = (withArguments ? text.replace("''", "'") : text).chars().filter(c -> c == '\'').count();
                if (printed.contains("''") || printed.chars().filter(c -> c == '\'').count() != meant) {
                    wrong.add(locale + " " + key + (withArguments ? "(...)" : "") + " prints: " + printed);
                }
            });
        }
        assertThat(wrong).isEmpty();
    }

    /** The message with numbers for its arguments (a choice or number format takes them; a plain one prints them). */
    private static String printedWithArguments(MessageSource source, String key, Locale locale) {
        return source.getMessage(key, new Object[] {2, 2, 2, 2, 2, 2}, locale);
    }

    /** A message key a template names literally, {@code #{key}} or {@code #{key(...)}}. */
    private static final Pattern TEMPLATE_MESSAGE = Pattern.compile("#\\{([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9-]+)+)(\\()?");

    /** Each key the templates name, and whether some use of it passes arguments. */
    private static Map<String, Boolean> templateUsages(Path templates) throws IOException {
        Map<String, Boolean> usages = new TreeMap<>();
        try (Stream<Path> files = Files.walk(templates)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher use = TEMPLATE_MESSAGE.matcher(Files.readString(file));
                while (use.find()) {
                    usages.merge(use.group(1), use.group(2) != null, Boolean::logicalOr);
                }
            }
        }
        return usages;
    }

    private static boolean isPattern(String text) {
        try {
            new MessageFormat(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The literals in the code that look like keys of the messages files: shaped like one and starting as some key
     * does ({@code package.}, {@code register.}), which leaves out property names ({@code imr.public-url}) and the
     * like.
     */
    private static Set<String> keysNamedIn(Path sources) throws IOException {
        Set<String> prefixes = new HashSet<>();
        ENGLISH.stringPropertyNames().forEach(key -> prefixes.add(key.split("\\.")[0]));
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher literal = KEY_LITERAL.matcher(Files.readString(file));
                while (literal.find()) {
                    String candidate = literal.group(1);
                    if (prefixes.contains(candidate.split("\\.")[0]) && !FILE_NAME.matcher(candidate).matches()) {
                        named.add(candidate);
                    }
                }
            }
        }
        return named;
    }

    private static Set<String> missing(Set<String> keys, Properties from) {
        Set<String> missing = new TreeSet<>(keys);
        missing.removeAll(from.stringPropertyNames());
        return missing;
    }

    private static Properties load(String resource) {
        Properties messages = new Properties();
        try (InputStream in = MessageKeysTest.class.getClassLoader().getResourceAsStream(resource)) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return messages;
    }
}
