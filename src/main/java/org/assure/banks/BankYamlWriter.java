package org.assure.banks;

import org.assure.banks.BankModel.Audience;
import org.assure.banks.BankModel.Option;
import org.assure.banks.BankModel.Question;
import org.assure.banks.BankModel.Rating;
import org.assure.banks.BankModel.Requirement;
import org.assure.banks.BankModel.Scale;
import org.assure.banks.BankModel.Section;
import org.assure.banks.BankModel.Source;
import org.assure.banks.BankModel.Version;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a version as the YAML file question-banks/README.md describes, fields in the README's order,
 * optional fields left out when empty. Reading the result with {@link BankLoader} gives an equal
 * {@link Version}; that is what makes an Excel upload safe to turn into a file to commit.
 */
public final class BankYamlWriter {
    private BankYamlWriter() {
    }

    public static String write(Version version) {
        YamlTree.Fields root = new YamlTree.Fields(0)
                .text("bank", version.bank())
                .text("title", version.title())
                .put("version", YamlTree.scalar(version.version(), false))
                .text("guidance", version.guidance())
                .plain("effective-from", Tag.TIMESTAMP, version.effectiveFrom().toString())
                .put("audience", audience(version.audience(), 2));
        root.put("scale", scale(version.scale()));
        root.text("notes", version.notes());
        if (!version.sources().isEmpty()) {
            root.put("sources", YamlTree.sequence(version.sources().stream().map(BankYamlWriter::source).toList()));
        }
        List<Node> sections = new ArrayList<>();
        version.sections().forEach(s -> sections.add(section(s)));
        root.put("sections", YamlTree.sequence(sections));
        return YamlTree.emit(root.node());
    }

    static MappingNode audience(Audience audience, int indent) {
        // on one line when it fits, else one name a line (a Section 11 question may name a dozen sectors)
        return new YamlTree.Fields(indent)
                .list("kinds", audience.kinds())
                .list("categories", audience.categories())
                .list("sectors", audience.sectors())
                .node();
    }

    static Node scale(Scale scale) {
        if (scale.name() != null) {
            return YamlTree.scalar(scale.name(), false);
        }
        return YamlTree.sequence(scale.ratings().stream().map(BankYamlWriter::rating).toList());
    }

    static MappingNode rating(Rating r) {
        YamlTree.Fields f = new YamlTree.Fields(4)
                .put("code", YamlTree.scalar(r.code(), false))
                .text("label", r.label())
                .text("description", r.description())
                .put("colour", YamlTree.scalar(r.colour(), false))
                .plain("compliant", Tag.BOOL, String.valueOf(r.compliant()))
                .plain("evidence", Tag.STR, r.evidence().yaml())
                .plain("action", Tag.BOOL, String.valueOf(r.action()));
        if (r.notApplicable()) {
            f.plain("not-applicable", Tag.BOOL, "true");
        }
        if (r.reason() != Requirement.NONE) {
            f.plain("reason", Tag.STR, r.reason().yaml());
        }
        return f.node();
    }

    private static MappingNode section(Section s) {
        YamlTree.Fields f = new YamlTree.Fields(4).text("key", s.key()).text("title", s.title()).text("intro", s.intro());
        if (s.appliesTo() != null) {
            f.put("applies-to", audience(s.appliesTo(), 6));
        }
        f.put("questions", YamlTree.sequence(s.questions().stream().map(BankYamlWriter::question).toList()));
        return f.node();
    }

    private static MappingNode question(Question q) {
        YamlTree.Fields f = new YamlTree.Fields(8)
                .text("key", q.key())
                .text("text", q.text())
                .text("hint", q.hint())
                .text("guidance", q.guidance())
                .blockList("evidence-examples", q.evidenceExamples())
                .plain("type", Tag.STR, q.type().yaml());
        if (!q.required()) {
            f.plain("required", Tag.BOOL, "false");
        }
        f.text("evidence-prompt", q.evidencePrompt())
                .list("references", q.references())
                .flowList("replaces", q.replaces())
                .text("split-from", q.splitFrom());
        if (q.showWhen() != null) {
            f.put("show-when", new YamlTree.Fields(10)
                    .text("question", q.showWhen().question())
                    .flowList("equals", q.showWhen().equals())
                    .node());
        }
        if (!q.options().isEmpty()) {
            f.put("options", YamlTree.sequence(q.options().stream().map(BankYamlWriter::option).toList()));
        }
        if (q.appliesTo() != null) {
            f.put("applies-to", audience(q.appliesTo(), 10));
        }
        if (!q.carryForward()) {
            f.plain("carry-forward", Tag.BOOL, "false");
        }
        if (!q.notApplicableAllowed()) {
            f.plain("not-applicable", Tag.BOOL, "false");
        }
        if (q.localExpectation()) {
            f.plain("local-expectation", Tag.BOOL, "true");
        }
        return f.node();
    }

    private static MappingNode source(Source s) {
        YamlTree.Fields f = new YamlTree.Fields(4).text("cite-as", s.citeAs()).text("title", s.title()).text("edition", s.edition());
        if (s.numberedParagraphs()) {
            f.plain("numbered-paragraphs", Tag.BOOL, "true");
        }
        return f.node();
    }

    private static MappingNode option(Option o) {
        return new YamlTree.Fields(12).put("code", YamlTree.scalar(o.code(), false)).text("label", o.label()).node();
    }
}
