package org.assure.cycles;

/** How a cycle names its audience: by organisation types, or as a chosen list of organisations. */
public enum AudienceMode {
    TYPES, CHOSEN
}
