package org.assure.organisations;

/** Someone else saved the organisation after this form was loaded: nothing was saved. */
class StaleEditException extends RuntimeException {
    StaleEditException() {
        super("The organisation was changed by someone else", null, false, false);
    }
}
