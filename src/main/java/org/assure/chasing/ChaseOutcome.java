package org.assure.chasing;

/**
 * What a chasing run did, in words for the jobs page: "12 sent, 1 not sent, 2 held by the weekly cap". The returns'
 * chasing and the actions' chasing (org.assure.actions) both answer with it.
 */
public record ChaseOutcome(int sent, int notSent, int held) {
    public String summary() {
        if (sent + notSent + held == 0) {
            return "nothing due";
        }
        return sent + " sent" + (notSent > 0 ? ", " + notSent + " not sent" : "") + (held > 0 ? ", " + held + " held by the weekly cap" : "");
    }
}
