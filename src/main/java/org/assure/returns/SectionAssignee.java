package org.assure.returns;

import org.assure.notify.Recipient;

/**
 * Whoever a section of a return is assigned to, as the return now stands: the contributor (or lead) working
 * on it, while they are still a colleague of the organisation. {@link SectionAssigneeResolver} finds them.
 */
public record SectionAssignee(long returnId, String sectionKey) implements Recipient {
}
