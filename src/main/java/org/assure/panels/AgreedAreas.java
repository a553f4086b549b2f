package org.assure.panels;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * The port through which a confirmed moderation hands its areas to improve on, without panels depending on the feature
 * that turns them into actions (the actions feature implements it). Called with every area the confirmed moderation
 * holds, each time it is confirmed: the implementation keeps one action per area and withdraws those no longer agreed.
 */
public interface AgreedAreas {
    /** One area to improve; {@code itemKey}: the section or question it names, if any. */
    record Area(long findingId, @Nullable String itemKey, String text) {
    }

    void confirmed(long partnershipId, long organisationId, long cycleId, long returnId, long caseId, List<Area> areas, long by);
}
