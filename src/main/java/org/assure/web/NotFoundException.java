package org.assure.web;

/**
 * Thrown when a record does not exist or belongs to another partnership or organisation: both answer
 * 404, so an id from elsewhere reveals nothing.
 */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String what) {
        super(what + " not found");
    }
}
