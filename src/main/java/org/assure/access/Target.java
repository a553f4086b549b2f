package org.assure.access;

import io.micronaut.core.annotation.Nullable;

/**
 * The thing a person wants to act on, described by what access depends on: whose partnership it is and,
 * for an organisation's own things, which organisation (and for a section, who it is assigned to).
 */
public sealed interface Target {
    long partnershipId();

    /** The partnership itself: its administration and its reports. */
    record Partnership(long partnershipId) implements Target {
    }

    record Organisation(long partnershipId, long organisationId) implements Target {
    }

    /** An organisation's return in a cycle. */
    record Return(long partnershipId, long organisationId) implements Target {
    }

    /** One section of a return; contributors may work only on those assigned to them. */
    record Section(long partnershipId, long organisationId, @Nullable Long assignedAccountId) implements Target {
    }

    /** A panel; {@code sits}: whether the person is one of its members or its moderator. */
    record Panel(long partnershipId, boolean sits) implements Target {
    }

    /**
     * A case before a panel, as it stands for this person: whether they are one of the panel's members, its moderator,
     * and whether they have a standing conflict of interest with the case's organisation.
     */
    record PanelCase(long partnershipId, boolean member, boolean moderator, boolean conflicted) implements Target {
    }

    /**
     * An organisation's action (issue 13), as it stands for this person: whether they are its owner (by account or email:
     * nobody verifies their own action) and whether they are the panel member the partnership named to verify it.
     */
    record ActionItem(long partnershipId, long organisationId, boolean ownerIsUser, boolean namedVerifier) implements Target {
    }

    static Partnership partnership(long partnershipId) {
        return new Partnership(partnershipId);
    }

    static Organisation organisation(long partnershipId, long organisationId) {
        return new Organisation(partnershipId, organisationId);
    }

    static Return ofReturn(long partnershipId, long organisationId) {
        return new Return(partnershipId, organisationId);
    }

    static Section section(long partnershipId, long organisationId, @Nullable Long assignedAccountId) {
        return new Section(partnershipId, organisationId, assignedAccountId);
    }
}
