package org.assure.access;

import org.assure.access.AccessPolicy.Decision;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * doc/access.md, written from the code: the route table as {@link RouteAccess} enforces it, and what the
 * {@link AccessPolicy} answers each role for each kind of thing. {@code RoutesByRoleWebTest} checks the
 * file is what this writes, so the document cannot drift from the rules.
 */
final class RouteTableDoc {
    private static final long PARTNERSHIP = 1, OWN = 10, OTHER = 20, ME = 100, SOMEONE_ELSE = 200;

    private RouteTableDoc() {
    }

    static String markdown(List<RouteRules.Rule> rules) {
        StringBuilder md = new StringBuilder();
        md.append("# Who may use what\n\n");
        md.append("Generated from the code by `RoutesByRoleWebTest` (org.assure.access.AssureRoutes and AccessPolicy); do not edit by hand.\n");
        md.append("To regenerate: `./mvnw -o test -Dtest=RoutesByRoleWebTest -Dassure.write-access-doc=true`.\n\n");
        md.append("## Routes\n\n");
        md.append("Every route of the application. A route that is not in this table is refused to everyone. ");
        md.append("*Who* is checked on every request before the controller runs; *Scope* says which of their things the service then lets each person reach ");
        md.append("(anything else is answered 404, as if it did not exist).\n\n");
        md.append("| Method | Path | Who | Scope | What it is for |\n|---|---|---|---|---|\n");
        for (RouteRules.Rule r : rules) {
            md.append("| ").append(r.method()).append(" | `").append(r.path()).append("` | ").append(who(r.who())).append(" | ")
                    .append(r.scope().meaning()).append(" | ").append(r.purpose()).append(" |\n");
        }
        md.append("\n## What each role may do\n\n");
        md.append("The access policy's answer for a person of each role, for things of their own partnership. ");
        md.append("*Allowed*; *refused* (403, with the reason); *hidden* (404: not theirs to know about). ");
        md.append("Anything of another partnership is hidden from everyone.\n\n");
        Map<String, CurrentUser> people = people();
        md.append("| Thing | Action | ").append(String.join(" | ", people.keySet())).append(" |\n");
        md.append("|---|---|").append("---|".repeat(people.size())).append("\n");
        for (var q : questions().entrySet()) {
            md.append("| ").append(q.getKey().thing()).append(" | ").append(q.getKey().action().name().toLowerCase().replace('_', ' ')).append(" | ");
            md.append(people.values().stream().map(u -> word(new AccessPolicy().decide(u, q.getKey().action(), q.getValue())))
                    .collect(Collectors.joining(" | "))).append(" |\n");
        }
        return md.toString();
    }

    private record Question(String thing, Action action) {
    }

    /** One person of each role, each acting for organisation OWN where the role acts for an organisation. */
    static Map<String, CurrentUser> people() {
        Map<String, CurrentUser> people = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            Set<Long> organisations = role.belongsToOrganisation() ? Set.of(OWN) : Set.of();
            people.put(role.label(), new CurrentUser(ME, PARTNERSHIP, "P", "someone@example.org", "Someone", Set.of(role.name()), organisations));
        }
        return people;
    }

    private static Map<Question, Target> questions() {
        Map<Question, Target> q = new LinkedHashMap<>();
        for (Action a : List.of(Action.ADMINISTER, Action.READ_REPORTS, Action.FOLLOW_CYCLES)) {
            q.put(new Question("the partnership", a), Target.partnership(PARTNERSHIP));
        }
        for (Action a : List.of(Action.OPEN, Action.ASSIGN)) {
            q.put(new Question("their organisation", a), Target.organisation(PARTNERSHIP, OWN));
        }
        q.put(new Question("another organisation", Action.OPEN), Target.organisation(PARTNERSHIP, OTHER));
        for (Action a : List.of(Action.OPEN, Action.VIEW, Action.EDIT, Action.ASSIGN, Action.SUBMIT, Action.RETURN_FOR_CHANGES, Action.READ_REPORTS)) {
            q.put(new Question("their organisation's return", a), Target.ofReturn(PARTNERSHIP, OWN));
        }
        q.put(new Question("another organisation's return", Action.OPEN), Target.ofReturn(PARTNERSHIP, OTHER));
        q.put(new Question("another organisation's return", Action.READ_REPORTS), Target.ofReturn(PARTNERSHIP, OTHER));
        for (Action a : List.of(Action.OPEN, Action.EDIT)) {
            q.put(new Question("a section assigned to them", a), Target.section(PARTNERSHIP, OWN, ME));
            q.put(new Question("a section assigned to someone else", a), Target.section(PARTNERSHIP, OWN, SOMEONE_ELSE));
        }
        return q;
    }

    private static String word(Decision d) {
        return switch (d.outcome()) {
            case ALLOWED -> "allowed";
            case FORBIDDEN -> "refused";
            case HIDDEN -> "hidden";
        };
    }

    private static String who(Set<String> who) {
        if (who.contains(RouteRules.ANYONE)) {
            return "anyone";
        }
        if (who.contains(RouteRules.SIGNED_IN)) {
            return "anyone signed in";
        }
        return java.util.Arrays.stream(Role.values()).filter(r -> who.contains(r.name())).map(Role::label).collect(Collectors.joining(", "));
    }
}
