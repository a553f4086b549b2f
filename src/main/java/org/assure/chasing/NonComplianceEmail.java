package org.assure.chasing;

import org.assure.notify.Message;

import java.util.List;

/** A submitted return that the cycle's rules find non-compliant, raised with the safeguarding executive. */
public record NonComplianceEmail(String partnershipName, String organisationName, String cycleName, int notMet, String threshold,
                                 List<String> criticalNotMet, String returnPath) implements Message {
    public NonComplianceEmail {
        criticalNotMet = List.copyOf(criticalNotMet);
    }

    @Override
    public String template() {
        return "chase-non-compliance";
    }
}
