package org.assure.organisations;

/** The uploaded file cannot be read as a school list at all; the message is for the person who chose it. */
class ImportFileException extends Exception {
    ImportFileException(String message) {
        super(message, null, false, false);
    }
}
