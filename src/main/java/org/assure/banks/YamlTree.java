package org.assure.banks;

import io.micronaut.core.annotation.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds a YAML node tree field by field and writes it in the house style of question-banks/: block
 * style, two-space indents with list dashes indented, a blank line between sections and between
 * questions. We choose every scalar's style ourselves rather than leave it to a representer, so text
 * that YAML would read as something else ({@code "2025"}, {@code "YES"}, {@code "#00703c"}, a date) is
 * double-quoted, long text is a folded block ({@code >}), and text with line breaks a literal block.
 */
final class YamlTree {
    static final int WIDTH = 100;
    private static final Resolver RESOLVER = new Resolver();

    private YamlTree() {
    }

    /** The fields of one mapping, in the order added; {@code indent} is the column its keys start at. */
    static final class Fields {
        private final int indent;
        private final List<NodeTuple> tuples = new ArrayList<>();

        Fields(int indent) {
            this.indent = indent;
        }

        int indent() {
            return indent;
        }

        /** Text, omitted when null or blank. */
        Fields text(String name, @Nullable String value) {
            if (value != null && !value.isBlank()) {
                put(name, textNode(value, indent + name.length() + 2));
            }
            return this;
        }

        /** A value YAML reads as it is: a boolean, a date, a key. */
        Fields plain(String name, Tag tag, String value) {
            return put(name, new ScalarNode(tag, value, null, null, ScalarStyle.PLAIN));
        }

        /** A list on one line ({@code [a, b]}) when it fits, else one item a line; omitted when empty. */
        Fields list(String name, List<String> values) {
            if (values.isEmpty()) {
                return this;
            }
            int length = indent + name.length() + 4 + values.stream().mapToInt(v -> v.length() + 4).sum();
            return length <= WIDTH ? flowList(name, values) : blockList(name, values);
        }

        Fields flowList(String name, List<String> values) {
            if (!values.isEmpty()) {
                put(name, new SequenceNode(Tag.SEQ, values.stream().map(v -> (Node) scalar(v, true)).toList(), FlowStyle.FLOW));
            }
            return this;
        }

        /** One item a line, omitted when empty. */
        Fields blockList(String name, List<String> values) {
            if (!values.isEmpty()) {
                put(name, new SequenceNode(Tag.SEQ, values.stream().map(v -> (Node) textNode(v, indent + 4)).toList(), FlowStyle.BLOCK));
            }
            return this;
        }

        Fields put(String name, Node value) {
            tuples.add(new NodeTuple(new ScalarNode(Tag.STR, name, null, null, ScalarStyle.PLAIN), value));
            return this;
        }

        MappingNode node() {
            return new MappingNode(Tag.MAP, List.copyOf(tuples), tuples.isEmpty() ? FlowStyle.FLOW : FlowStyle.BLOCK);
        }
    }

    static SequenceNode sequence(List<? extends Node> items) {
        return new SequenceNode(Tag.SEQ, new ArrayList<>(items), items.isEmpty() ? FlowStyle.FLOW : FlowStyle.BLOCK);
    }

    /**
     * Short text on the line of its key; text that would run past {@link #WIDTH} as a folded block;
     * text with line breaks as a literal block, so the breaks stay. Blocks end with a line break (the
     * reader strips it), which lets them be written {@code >} rather than {@code >-}.
     */
    static ScalarNode textNode(String value, int column) {
        if (value.indexOf('\n') >= 0) {
            // a literal block keeps its lines as they are, so one with long lines (paragraphs of notes) is folded instead;
            // the emitter folds it so that it reads back with the same line breaks
            boolean longLines = value.lines().anyMatch(l -> column + l.length() > WIDTH);
            return new ScalarNode(Tag.STR, value + "\n", null, null, longLines ? ScalarStyle.FOLDED : ScalarStyle.LITERAL);
        }
        if (column + value.length() > WIDTH) {
            return new ScalarNode(Tag.STR, value + "\n", null, null, ScalarStyle.FOLDED);
        }
        return scalar(value, false);
    }

    /** Plain when that reads back as the same text, otherwise double-quoted. */
    static ScalarNode scalar(String value, boolean inFlow) {
        return new ScalarNode(Tag.STR, value, null, null, plainIsSafe(value, inFlow) ? ScalarStyle.PLAIN : ScalarStyle.DOUBLE_QUOTED);
    }

    /** Deliberately stricter than YAML: anything unusual is quoted, which always reads back exactly. */
    static boolean plainIsSafe(String value, boolean inFlow) {
        if (value.isEmpty() || !value.equals(value.strip()) || RESOLVER.resolve(NodeId.scalar, value, true) != Tag.STR) {
            return false;
        }
        int first = value.codePointAt(0);
        if (!Character.isLetterOrDigit(first) && first != '(') {
            return false;
        }
        if (value.contains(": ") || value.contains(" #") || value.endsWith(":")) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\ufeff' || c == '\u2028' || c == '\u2029'
                    || Character.isSurrogate(c)) {
                return false;
            }
            if (inFlow && (c == ',' || c == '[' || c == ']' || c == '{' || c == '}')) {
                return false;
            }
        }
        return true;
    }

    /**
     * The YAML text of a version's tree: the emitter's output with a blank line before every section
     * and question but the first, found from the written text itself so block text is never touched.
     */
    static String emit(MappingNode root) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setWidth(WIDTH);
        options.setSplitLines(true);
        options.setAllowUnicode(true);
        options.setLineBreak(DumperOptions.LineBreak.UNIX);
        StringWriter out = new StringWriter();
        new Yaml(options).serialize(root, out);
        return spaced(out.toString());
    }

    private static String spaced(String text) {
        Node root = new Yaml().compose(new StringReader(text));
        Set<Integer> before = new TreeSet<>();
        Node sections = value(root, "sections");
        if (sections instanceof SequenceNode list) {
            for (int i = 0; i < list.getValue().size(); i++) {
                Node section = list.getValue().get(i);
                if (i > 0) {
                    before.add(section.getStartMark().getLine());
                }
                if (value(section, "questions") instanceof SequenceNode questions) {
                    questions.getValue().stream().skip(1).forEach(q -> before.add(q.getStartMark().getLine()));
                }
            }
        }
        String[] lines = text.split("\n", -1);
        StringBuilder spaced = new StringBuilder(text.length() + before.size());
        for (int i = 0; i < lines.length; i++) {
            if (before.contains(i)) {
                spaced.append('\n');
            }
            spaced.append(lines[i]);
            if (i < lines.length - 1) {
                spaced.append('\n');
            }
        }
        return spaced.toString();
    }

    static @Nullable Node value(Node mapping, String name) {
        if (mapping instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(name)) {
                    return t.getValueNode();
                }
            }
        }
        return null;
    }
}
