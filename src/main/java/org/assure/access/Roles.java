package org.assure.access;

/** Role names as constants, for {@code @Secured}. {@link Role} gives each its label. */
public final class Roles {
    public static final String ADMIN = "PARTNERSHIP_ADMIN";
    public static final String LEAD = "ORGANISATION_LEAD";
    public static final String CONTRIBUTOR = "CONTRIBUTOR";
    public static final String PANEL = "PANEL_MEMBER";
    public static final String CHAIR = "ESCALATION_CONTACT";
    public static final String VIEWER = "BOARD_VIEWER";

    private Roles() {
    }
}
