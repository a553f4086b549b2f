package org.assure.panels;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outcome letter's text (ADR 0035). A partnership's template is plain text with placeholders in double braces,
 * filled by substitution alone: it is never evaluated as a FreeMarker template, so nothing a partnership types can run.
 * A letter is laid out from a little line markup, read the same way by the page and the Word document: "# " a heading,
 * "## " a subheading, "- " an item of a list, a blank line between paragraphs.
 */
public final class LetterText {
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
    static final List<String> PLACEHOLDERS = List.of("organisation", "outcome", "summary", "strengths", "areas", "challenges", "expected",
            "panel", "meetsOn", "partnership");

    static final String DEFAULT_TEMPLATE = """
            # Outcome of the {{panel}}

            Dear {{organisation}},

            The {{panel}} met on {{meetsOn}} and considered your safeguarding self-assessment. This letter sets out what it found.

            ## Outcome: {{outcome}}

            {{summary}}

            ## Strengths

            {{strengths}}

            ## Areas to improve

            {{areas}}

            ## Challenges and your answers

            {{challenges}}

            ## What we expect next

            {{expected}}

            Yours sincerely,

            {{partnership}}
            """;

    private LetterText() {
    }

    /** The placeholders a template names that the letter does not know, each once, in the order they appear. */
    static List<String> unknownPlaceholders(String template) {
        Set<String> unknown = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                unknown.add(m.group(1));
            }
        }
        return List.copyOf(unknown);
    }

    /** The template with each placeholder replaced by its value, in one pass: a value is never itself searched for placeholders. */
    static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A list as the letter's markup: one "- " line an item, or the words for none. */
    static String list(List<String> items, String none) {
        if (items.isEmpty()) {
            return none;
        }
        return String.join("\n", items.stream().map(i -> "- " + i.replace("\n", " ")).toList());
    }

    /** A part of a letter as laid out: a heading (level 1 or 2), a paragraph, or a list with its items. */
    public record Block(String kind, String text, List<String> items) {
        public boolean heading() {
            return kind.equals("h1") || kind.equals("h2");
        }
    }

    static List<Block> blocks(String body) {
        List<Block> blocks = new ArrayList<>();
        List<String> list = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (String raw : body.split("\\R", -1)) {
            String line = raw.strip();
            if (line.startsWith("- ")) {
                flush(blocks, paragraph);
                list.add(line.substring(2).strip());
                continue;
            }
            flushList(blocks, list);
            if (line.isEmpty()) {
                flush(blocks, paragraph);
            } else if (line.startsWith("## ")) {
                flush(blocks, paragraph);
                blocks.add(new Block("h2", line.substring(3).strip(), List.of()));
            } else if (line.startsWith("# ")) {
                flush(blocks, paragraph);
                blocks.add(new Block("h1", line.substring(2).strip(), List.of()));
            } else {
                paragraph.append(paragraph.isEmpty() ? "" : "\n").append(line);
            }
        }
        flushList(blocks, list);
        flush(blocks, paragraph);
        return blocks;
    }

    private static void flush(List<Block> blocks, StringBuilder paragraph) {
        if (!paragraph.isEmpty()) {
            blocks.add(new Block("p", paragraph.toString(), List.of()));
            paragraph.setLength(0);
        }
    }

    private static void flushList(List<Block> blocks, List<String> list) {
        if (!list.isEmpty()) {
            blocks.add(new Block("ul", "", List.copyOf(list)));
            list.clear();
        }
    }
}
