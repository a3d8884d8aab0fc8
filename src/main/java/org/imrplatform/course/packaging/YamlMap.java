package org.imrplatform.course.packaging;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.imrplatform.shared.TextInput;
import org.springframework.context.MessageSourceResolvable;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A YAML mapping read with its line numbers, so that every problem can point at the line to fix. Reading a field
 * that is missing or of the wrong shape records a problem and returns null (or an empty list); the caller goes on
 * reading so all problems of a package are found in one pass. Public for other files shipped as YAML (fidelity
 * instruments).
 */
public final class YamlMap {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    /** A text value and the line its content starts on. */
    public record Text(String value, int line) {
    }

    private final String file;
    private final int line;
    private final Problems problems;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    /** @param line where the mapping is introduced: its key's line for a nested group, else its first line */
    private YamlMap(String file, MappingNode node, int line, Problems problems) {
        this.file = file;
        this.line = line;
        this.problems = problems;
        for (NodeTuple tuple : node.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(tuple.getKeyNode());
            if (entries.putIfAbsent(key, tuple) != null) {
                problems.add(file, lineOf(tuple.getKeyNode()), "yaml.field.twice", key);
            }
        }
    }

    /**
     * Counts every alias, of text too: SnakeYAML limits only aliases of lists and groups, so one long text repeated by
     * a thousand aliases (a few bytes each) would be rendered a thousand times.
     */
    private static final class AliasLimit implements Parser {

        static final int MAX = 20;

        static final class Exceeded extends RuntimeException {
            final int line;

            Exceeded(int line) {
                super(null, null, false, false);
                this.line = line;
            }
        }

        private final Parser parser;
        private int aliases;

        AliasLimit(Parser parser) {
            this.parser = parser;
        }

        @Override
        public boolean checkEvent(Event.ID choice) {
            return parser.checkEvent(choice);
        }

        @Override
        public Event peekEvent() {
            return parser.peekEvent();
        }

        @Override
        public Event getEvent() {
            Event event = parser.getEvent();
            if (event instanceof AliasEvent && ++aliases > MAX) {
                throw new Exceeded(event.getStartMark().getLine() + 1);
            }
            return event;
        }
    }

    /** Parses a whole file whose top level must be a mapping; returns null (with a problem) when it is not. */
    public static YamlMap parse(String file, String source, Problems problems) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(40);
        options.setCodePointLimit(2 * 1024 * 1024);
        try {
            Node root = new Composer(new AliasLimit(new ParserImpl(new StreamReader(new StringReader(source)),
                    options)), new Resolver(), options).getSingleNode();
            if (root instanceof MappingNode mapping) {
                return new YamlMap(file, mapping, 1, problems);
            }
            problems.add(file, root == null ? 0 : lineOf(root), "yaml.notMapping");
        } catch (AliasLimit.Exceeded e) {
            problems.add(file, e.line, "yaml.aliases", AliasLimit.MAX);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            // SnakeYAML's own words, in English: they name the YAML construct at fault.
            problems.add(file, line, "yaml.malformedAt",
                    e.getProblem() + (e.getContext() != null ? " (" + e.getContext() + ")" : ""));
        } catch (YAMLException e) {
            problems.add(file, 0, "yaml.malformed", e.getMessage());
        }
        return null;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int lineOf(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? line() : lineOf(tuple.getKeyNode());
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    /** A problem told by its key in messages.properties; see {@link PackageProblem#of}. */
    public void problem(int line, String code, Object... arguments) {
        problems.add(file, line, code, arguments);
    }

    /**
     * Every field not in {@code known} is reported; it is nearly always a typo.
     *
     * @param where a {@link PackageProblem#phrase phrase} naming this mapping, such as "a video"
     */
    public void rejectUnknownFields(MessageSourceResolvable where, Set<String> known) {
        entries.forEach((key, tuple) -> {
            if (!known.contains(key)) {
                problem(lineOf(tuple.getKeyNode()), "yaml.field.unknown", key, where,
                        String.join(", ", new TreeSet<>(known)));
            }
        });
    }

    public Text text(String key, boolean required) {
        NodeTuple tuple = entry(key, required);
        if (tuple == null) {
            return null;
        }
        return textOf(tuple.getValueNode(), field(key), required);
    }

    public String string(String key, boolean required) {
        Text text = text(key, required);
        return text == null ? null : text.value();
    }

    public String id(String key) {
        Text text = text(key, true);
        return text == null ? null : checkedId(text, field(key));
    }

    public Integer integer(String key, boolean required, int min, int max) {
        Text text = text(key, required);
        if (text == null) {
            return null;
        }
        try {
            int value = Integer.parseInt(text.value().trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(text.line(), "yaml.wholeNumber", key, min, max, text.value());
        return null;
    }

    public boolean flag(String key) {
        Text text = text(key, false);
        if (text == null) {
            return false;
        }
        return switch (text.value().trim()) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> {
                problem(text.line(), "yaml.flag", key, text.value());
                yield false;
            }
        };
    }

    public YamlMap map(String key, boolean required) {
        NodeTuple tuple = entry(key, required);
        if (tuple == null) {
            return null;
        }
        if (tuple.getValueNode() instanceof MappingNode mapping) {
            return new YamlMap(file, mapping, lineOf(tuple.getKeyNode()), problems);
        }
        problem(lineOf(tuple.getValueNode()), "yaml.group", key);
        return null;
    }

    public List<YamlMap> maps(String key, int atLeast) {
        List<YamlMap> maps = new ArrayList<>();
        for (Node item : items(key, atLeast)) {
            if (item instanceof MappingNode mapping) {
                maps.add(new YamlMap(file, mapping, lineOf(mapping), problems));
            } else {
                problem(lineOf(item), "yaml.entryGroup", key);
            }
        }
        return maps;
    }

    public List<Text> texts(String key, int atLeast) {
        List<Text> texts = new ArrayList<>();
        for (Node item : items(key, atLeast)) {
            Text text = textOf(item, PackageProblem.phrase("yaml.entryOf", key), true);
            if (text != null) {
                texts.add(text);
            }
        }
        return texts;
    }

    /**
     * Checks that {@code text} is a well-formed id, recording a problem and returning null when it is not.
     *
     * @param what a {@link PackageProblem#phrase phrase} naming what the id is for, such as "module"
     */
    public String checkedId(Text text, MessageSourceResolvable what) {
        if (ID.matcher(text.value()).matches()) {
            return text.value();
        }
        problem(text.line(), "yaml.id", what, text.value());
        return null;
    }

    private List<Node> items(String key, int atLeast) {
        NodeTuple tuple = entry(key, atLeast > 0);
        if (tuple == null) {
            return List.of();
        }
        if (!(tuple.getValueNode() instanceof SequenceNode sequence)) {
            problem(lineOf(tuple.getValueNode()), "yaml.list", key);
            return List.of();
        }
        if (sequence.getValue().size() < atLeast) {
            problem(lineOf(sequence), "yaml.list.tooShort", key, atLeast, sequence.getValue().size());
        }
        return sequence.getValue();
    }

    /** The field's key and value, or null; a missing required field is reported. */
    private NodeTuple entry(String key, boolean required) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null && required) {
            problem(line(), "yaml.field.missing", key);
        }
        return tuple;
    }

    /** @param what a {@link PackageProblem#phrase phrase} naming the value: a field, or an entry of a list */
    private Text textOf(Node value, MessageSourceResolvable what, boolean required) {
        if (!(value instanceof ScalarNode scalar)) {
            problem(lineOf(value), "yaml.text.notText", what);
            return null;
        }
        if (scalar.getValue().isBlank()) {
            if (required) {
                problem(lineOf(value), "yaml.text.empty", what);
            }
            return null;
        }
        if (TextInput.hasControlCharacter(scalar.getValue())) {
            // Only a YAML escape such as "\0" gets one here; PostgreSQL cannot store NUL, and none is meant.
            problem(lineOf(value), "yaml.text.controlCharacter", what);
            return null;
        }
        // A block scalar ('|' or '>') starts its content on the line after the indicator.
        boolean block = scalar.getScalarStyle() == ScalarStyle.LITERAL || scalar.getScalarStyle() == ScalarStyle.FOLDED;
        return new Text(scalar.getValue(), lineOf(scalar) + (block ? 1 : 0));
    }

    /** The field {@code key}, as problems name it. */
    private static MessageSourceResolvable field(String key) {
        return PackageProblem.phrase("yaml.field", key);
    }

    private static int lineOf(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }
}
