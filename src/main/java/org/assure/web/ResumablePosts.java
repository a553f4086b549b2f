package org.assure.web;

import java.util.Optional;

/**
 * A feature's forms worth keeping when they are posted after the session ended (ADR 0012): for a
 * posted path, the page (a GET path) that shows the kept form again after signing in, or empty.
 */
public interface ResumablePosts {
    Optional<String> resumeAt(String postedPath);
}
