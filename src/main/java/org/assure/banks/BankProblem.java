package org.assure.banks;

/** One thing wrong with a bank file, where a content author can find it. Line 0 means the whole file. */
public record BankProblem(String file, int line, String message) {
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
