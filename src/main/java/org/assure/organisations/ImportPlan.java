package org.assure.organisations;

import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assure.kernel.Text;

/**
 * What importing a list of GIAS rows would do to a partnership's schools, matched by URN: the preview
 * shows it and confirming applies it. Pure: it reads no database, so the same rows against the same
 * schools always give the same plan.
 */
public final class ImportPlan {
    private final List<Line> lines;
    private final List<String> warnings;

    /** What happens to one row. */
    public enum Action {
        CREATE("Will be created"), UPDATE("Will be updated"), UNCHANGED("Unchanged"), ARCHIVE("Will be archived"),
        REFUSE("Refused");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A school already in the partnership, with its contacts. */
    record Existing(Organisation organisation, List<OrganisationContact> contacts) {
        OrganisationDetails details() {
            return OrganisationDetails.of(organisation, contacts);
        }
    }

    /**
     * One row's outcome. {@code details} is what to save for CREATE and UPDATE (for an update, the school's
     * details with the file's values laid over them); {@code existing} is the matched school.
     */
    public record Line(int row, String urn, String name, Action action, List<FieldChange> changes,
                       @Nullable String reason, List<String> notes,
                       @Nullable OrganisationDetails details, @Nullable Existing existing) {
    }

    /** How many rows of each outcome. */
    public record Summary(int created, int updated, int unchanged, int archived, int refused) {
        public int total() {
            return created + updated + unchanged + archived + refused;
        }
    }

    private ImportPlan(List<Line> lines, List<String> warnings) {
        this.lines = List.copyOf(lines);
        this.warnings = List.copyOf(warnings);
    }

    static ImportPlan of(List<GiasRow> rows, List<Existing> schools) {
        Map<String, Existing> byUrn = schools.stream().collect(Collectors.toMap(e -> e.organisation().urn(), Function.identity()));
        Map<String, Integer> firstRow = new HashMap<>();
        List<Line> lines = new ArrayList<>();
        for (GiasRow row : rows) {
            lines.add(plan(row, byUrn, firstRow));
        }
        return checked(lines, schools);
    }

    /**
     * What the admin should look at before confirming, on each row and counted above the table: schools of
     * another local authority than the partnership's (the one most of its schools, or else most of the
     * file's, are in), names that another school also has, and schools nobody could be invited for.
     */
    private static ImportPlan checked(List<Line> planned, List<Existing> schools) {
        List<Line> kept = planned.stream().filter(l -> l.details() != null).toList();
        String home = mostCommon(schools.stream().filter(e -> !e.organisation().isArchived())
                .map(e -> e.organisation().localAuthority()).toList());
        if (home == null) {
            home = mostCommon(kept.stream().map(l -> l.details().localAuthority()).toList());
        }
        Map<String, Set<String>> urnsByName = new HashMap<>();
        Set<String> inFile = kept.stream().map(Line::urn).collect(Collectors.toSet());
        schools.stream().filter(e -> !e.organisation().isArchived() && !inFile.contains(e.organisation().urn()))
                .forEach(e -> urnsByName.computeIfAbsent(GiasMapping.normal(e.organisation().name()), k -> new TreeSet<>()).add(e.organisation().urn()));
        kept.forEach(l -> urnsByName.computeIfAbsent(GiasMapping.normal(l.details().name()), k -> new TreeSet<>()).add(l.urn()));
        int otherAuthority = 0;
        int sameName = 0;
        int noDsl = 0;
        List<Line> lines = new ArrayList<>();
        for (Line line : planned) {
            if (line.details() == null) {
                lines.add(line);
                continue;
            }
            List<String> notes = new ArrayList<>(line.notes());
            String authority = line.details().localAuthority();
            if (home != null && authority != null && !GiasMapping.normal(authority).equals(GiasMapping.normal(home))) {
                notes.add("in another local authority (" + authority + "): check it belongs to this partnership");
                otherAuthority++;
            }
            List<String> others = urnsByName.get(GiasMapping.normal(line.details().name())).stream().filter(u -> !u.equals(line.urn())).toList();
            if (!others.isEmpty()) {
                notes.add("another school has the same name (URN " + String.join(", ", others) + ")");
                sameName++;
            }
            boolean dslEmail = line.details().contacts().stream().anyMatch(c -> c.role() == ContactRole.DSL && !Text.blank(c.email()));
            boolean staysArchived = line.existing() != null && line.existing().organisation().isArchived();
            if (!dslEmail && !staysArchived) {
                notes.add("no DSL email: nobody can be invited as its DSL until one is added");
                noDsl++;
            }
            lines.add(new Line(line.row(), line.urn(), line.name(), line.action(), line.changes(), line.reason(), List.copyOf(notes),
                    line.details(), line.existing()));
        }
        List<String> warnings = new ArrayList<>();
        if (otherAuthority > 0) {
            warnings.add(count(otherAuthority, "school is", "schools are") + " in a local authority other than " + home
                    + ": check they belong to this partnership before you confirm.");
        }
        if (sameName > 0) {
            warnings.add(count(sameName, "school has", "schools have") + " the same name as another school: lists show"
                    + " each school's URN beside its name to tell them apart.");
        }
        if (noDsl > 0) {
            warnings.add(count(noDsl, "school has", "schools have") + " no DSL email address: nobody can be invited as"
                    + " their DSL until one is added on the school's page.");
        }
        return new ImportPlan(lines, warnings);
    }

    private static String count(int n, String one, String many) {
        return String.format(java.util.Locale.UK, "%,d", n) + " " + (n == 1 ? one : many);
    }

    private static @Nullable String mostCommon(List<String> values) {
        return values.stream().filter(v -> !Text.blank(v)).collect(Collectors.groupingBy(String::strip, TreeMap::new, Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    private static Line plan(GiasRow row, Map<String, Existing> byUrn, Map<String, Integer> firstRow) {
        String urn = row.urn().strip();
        if (urn.isEmpty()) {
            return refuse(row, "missing URN");
        }
        if (!OrganisationForms.URN.matcher(urn).matches()) {
            return refuse(row, "URN not 6 digits: " + urn);
        }
        Integer first = firstRow.putIfAbsent(urn, row.row());
        if (first != null) {
            return refuse(row, "duplicate URN in the file (first on row " + first + ")");
        }
        Existing existing = byUrn.get(urn);
        String status = GiasMapping.normal(row.status());
        if (status.equals("closed")) {
            if (existing == null) {
                return refuse(row, "closed");
            }
            return existing.organisation().isArchived()
                    ? line(row, Action.UNCHANGED, List.of(), List.of("closed; already archived here"), null, existing)
                    : line(row, Action.ARCHIVE, List.of(), List.of("closed"), null, existing);
        }
        if (status.equals("proposed to open")) {
            // Not a school yet: made active here, it would be sent a cycle's return it cannot answer.
            return refuse(row, "not open yet (GIAS: proposed to open): import it again once it opens");
        }
        List<String> notes = new ArrayList<>();
        if (status.equals("open, but proposed to close")) {
            notes.add("proposed to close");
        }
        String refusal = refusal(row);
        if (refusal != null) {
            return refuse(row, refusal);
        }
        OrganisationDetails imported = details(row, urn);
        if (existing == null) {
            return line(row, Action.CREATE, List.of(), notes, imported, null);
        }
        if (existing.organisation().isArchived()) {
            notes.add("archived here: stays archived unless restored on its page");
        }
        OrganisationDetails merged = merge(existing, imported);
        List<FieldChange> changes = FieldChange.between(existing.details().describe(""), merged.describe(""));
        return line(row, changes.isEmpty() ? Action.UNCHANGED : Action.UPDATE, changes, notes, merged, existing);
    }

    private static @Nullable String refusal(GiasRow row) {
        if (row.name().isBlank()) {
            return "missing name";
        }
        if (GiasMapping.category(row.type()).isEmpty()) {
            return "unknown category: " + (row.type().isBlank() ? "(none given)" : row.type());
        }
        if (GiasMapping.phase(row.phase()).isEmpty()) {
            return "unknown phase: " + (row.phase().isBlank() ? "(none given)" : row.phase());
        }
        List<String> tooLong = new ArrayList<>();
        tooLong("name", row.name(), 200, tooLong);
        tooLong("trust name", row.trusts(), 200, tooLong);
        tooLong("local authority", row.localAuthority(), 100, tooLong);
        tooLong("postcode", row.postcode(), 12, tooLong);
        tooLong("headteacher's name", GiasMapping.headName(row.headTitle(), row.headFirstName(), row.headLastName()), 200, tooLong);
        return tooLong.isEmpty() ? null : String.join("; ", tooLong);
    }

    private static void tooLong(String what, String value, int max, List<String> problems) {
        if (value.strip().length() > max) {
            problems.add(what + " longer than " + max + " characters");
        }
    }

    private static OrganisationDetails details(GiasRow row, String urn) {
        SchoolCategory category = GiasMapping.category(row.type()).orElseThrow();
        Phase phase = GiasMapping.phase(row.phase()).orElseThrow();
        String head = GiasMapping.headName(row.headTitle(), row.headFirstName(), row.headLastName());
        List<OrganisationDetails.Contact> contacts = head.isEmpty() ? List.of()
                : List.of(new OrganisationDetails.Contact(ContactRole.HEADTEACHER, head, null, null));
        return new OrganisationDetails(OrganisationKind.SCHOOL, row.name().strip(), null, phase, category, urn,
                Text.clean(row.trusts()), Text.clean(row.localAuthority()),
                Text.clean(row.postcode()), GiasMapping.boarding(row.boarders(), row.boardingEstablishment()),
                GiasMapping.earlyYears(row.nurseryProvision(), phase), null, contacts);
    }

    /**
     * The school as saved, with what GIAS knows laid over it. Everything else (parent, other contacts)
     * stays. A different headteacher keeps no email: the saved one was the previous head's.
     */
    static OrganisationDetails merge(Existing existing, OrganisationDetails imported) {
        Organisation o = existing.organisation();
        List<OrganisationDetails.Contact> contacts = new ArrayList<>(existing.details().contacts());
        imported.contacts().stream().filter(c -> c.role() == ContactRole.HEADTEACHER).findFirst().ifPresent(head -> {
            boolean sameHead = contacts.stream().anyMatch(c -> c.role() == ContactRole.HEADTEACHER && c.name().equals(head.name()));
            if (!sameHead) {
                contacts.removeIf(c -> c.role() == ContactRole.HEADTEACHER);
                contacts.add(head);
            }
        });
        return new OrganisationDetails(o.kind(), imported.name(), o.sector(), imported.phase(), imported.category(), o.urn(),
                imported.trustName(), imported.localAuthority(), imported.postcode(), imported.hasBoarding(),
                imported.hasEarlyYears(), o.parentId(), contacts);
    }

    private static Line refuse(GiasRow row, String reason) {
        return new Line(row.row(), row.urn().strip(), row.name().strip(), Action.REFUSE, List.of(), reason, List.of(), null, null);
    }

    private static Line line(GiasRow row, Action action, List<FieldChange> changes, List<String> notes,
                             @Nullable OrganisationDetails details, @Nullable Existing existing) {
        return new Line(row.row(), row.urn().strip(), row.name().strip(), action, changes, null, List.copyOf(notes), details, existing);
    }

    public List<Line> lines() {
        return lines;
    }

    /** Things to check before confirming, each with how many rows it concerns; empty when there are none. */
    public List<String> warnings() {
        return warnings;
    }

    public Summary summary() {
        return new Summary(count(Action.CREATE), count(Action.UPDATE), count(Action.UNCHANGED), count(Action.ARCHIVE),
                count(Action.REFUSE));
    }

    private int count(Action action) {
        return (int) lines.stream().filter(l -> l.action() == action).count();
    }
}
