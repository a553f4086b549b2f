package org.assure.sampling;

import org.assure.notify.Message;

/**
 * To a picked school's DSL and headteacher: it was picked for the cycle's dip sample and will be called to the
 * assurance panel, with a link to its return. {@code replacement}: it took the place of a school withdrawn from the sample.
 */
public record DipSampleEmail(String partnershipName, String organisationName, String cycleName, String seed, String ticket,
                             boolean replacement, String returnPath) implements Message {
    @Override
    public String template() {
        return "dip-sample-picked";
    }
}
