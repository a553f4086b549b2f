package org.assure.panels;

import io.micronaut.core.annotation.Nullable;
import org.assure.organisations.Organisation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Conflicts of interest worked out from the data: someone who works for the case's organisation, for its parent (the
 * trust or council it belongs to, by parent link or by trust name), for an organisation it oversees, or for a sister
 * organisation (same parent, same trust) cannot judge it. Pure: the caller passes the organisations.
 */
final class ConflictRules {
    private ConflictRules() {
    }

    record Found(ConflictSource source, String reason) {
    }

    static List<Found> between(Collection<Organisation> worksFor, Organisation judged) {
        List<Found> found = new ArrayList<>();
        for (Organisation own : worksFor) {
            Found f = between(own, judged);
            if (f != null) {
                found.add(f);
            }
        }
        return found;
    }

    private static @Nullable Found between(Organisation own, Organisation judged) {
        if (own.id().equals(judged.id())) {
            return new Found(ConflictSource.OWN, "Works for " + judged.name());
        }
        if (judged.parentId() != null && judged.parentId().equals(own.id())
                || !blank(judged.trustName()) && same(judged.trustName(), own.name())) {
            return new Found(ConflictSource.PARENT, "Works for " + own.name() + ", which " + judged.name() + " belongs to");
        }
        if (own.parentId() != null && own.parentId().equals(judged.id())
                || !blank(own.trustName()) && same(own.trustName(), judged.name())) {
            return new Found(ConflictSource.CHILD, "Works for " + own.name() + ", which belongs to " + judged.name());
        }
        if (own.parentId() != null && own.parentId().equals(judged.parentId())) {
            return new Found(ConflictSource.SIBLING, "Works for " + own.name() + ", which has the same parent organisation as " + judged.name());
        }
        if (!blank(own.trustName()) && same(own.trustName(), judged.trustName())) {
            return new Found(ConflictSource.SIBLING, "Works for " + own.name() + ", which is in the same trust (" + own.trustName().strip() + ")");
        }
        return null;
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    private static boolean same(@Nullable String a, @Nullable String b) {
        return a != null && b != null && a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }
}
