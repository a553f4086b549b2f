package org.assure.panels;

/** Where a case has got to, as lists show it: derived from its submission, markings, moderation and letter. */
public enum CaseState {
    NOT_SUBMITTED("Return not submitted"), UNMARKED("Not marked"), ONE_MARKER("One marker done"), MARKED("Marked"),
    MODERATED("Moderated"), LETTER_SENT("Letter sent");

    /** Each case is marked by at least two members independently before it is moderated. */
    static final int MARKERS_NEEDED = 2;

    private final String label;

    CaseState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static CaseState of(boolean submitted, int markersDone, boolean moderated, boolean letterSent) {
        if (letterSent) {
            return LETTER_SENT;
        }
        if (moderated) {
            return MODERATED;
        }
        if (!submitted) {
            return NOT_SUBMITTED;
        }
        return markersDone == 0 ? UNMARKED : markersDone < MARKERS_NEEDED ? ONE_MARKER : MARKED;
    }
}
