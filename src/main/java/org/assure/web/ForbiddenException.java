package org.assure.web;

/** The person is signed in and the record is theirs to see, but not this action. Answers 403. */
public class ForbiddenException extends RuntimeException {
    public ForbiddenException(String reason) {
        super(reason);
    }
}
