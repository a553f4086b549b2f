package org.assure.sampling;

import java.util.List;

/** Whether a record's tickets and picks follow from its seed and eligible list; if not, each difference in plain words. */
public record SampleVerification(boolean matches, List<String> differences) {
    public SampleVerification {
        differences = List.copyOf(differences);
    }
}
