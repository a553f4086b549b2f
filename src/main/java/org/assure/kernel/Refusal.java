package org.assure.kernel;

import io.micronaut.core.annotation.Nullable;

/**
 * The one way a service refuses what it was asked, with the reason in words for the person. The web
 * layer maps each kind to its page in one place (404, 403, 409); a controller catches a refusal only
 * to show a richer page than the standard one (a form again beside what someone else saved).
 * Form input that is wrong is not a refusal: it comes back as {@link Validated} errors (422).
 */
public final class Refusal extends RuntimeException {
    public enum Kind {
        /** Does not exist, or belongs to another partnership or organisation: both look the same, so ids reveal nothing. */
        NOT_FOUND(404),
        /** The person may see the thing but not do this. */
        FORBIDDEN(403),
        /** Not now: the thing is in a state that does not allow it, or someone else changed it meanwhile. */
        CONFLICT(409);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** Where the refusal page offers to go back to, and the words of that link. */
    public record Link(String path, String text) {
    }

    private final Kind kind;
    private final @Nullable Link back;

    private Refusal(Kind kind, String message, @Nullable Link back) {
        super(message, null, false, false);
        this.kind = kind;
        this.back = back;
    }

    /** {@code what} names the thing: "Return" gives "Return not found". */
    public static Refusal notFound(String what) {
        return new Refusal(Kind.NOT_FOUND, what + " not found", null);
    }

    public static Refusal forbidden(String reason) {
        return new Refusal(Kind.FORBIDDEN, reason, null);
    }

    public static Refusal conflict(String reason) {
        return new Refusal(Kind.CONFLICT, reason, null);
    }

    /** The same refusal, offering a way back to the page the person came from. */
    public Refusal backTo(String path, String text) {
        return new Refusal(kind, getMessage(), new Link(path, text));
    }

    public Kind kind() {
        return kind;
    }

    public @Nullable Link back() {
        return back;
    }

    public boolean is(Kind kind) {
        return this.kind == kind;
    }
}
