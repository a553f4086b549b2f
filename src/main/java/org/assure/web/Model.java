package org.assure.web;

import java.util.LinkedHashMap;

/** A page model: an ordered map that, unlike {@code Map.of}, takes null values (an empty field). */
public final class Model extends LinkedHashMap<String, Object> {

    public static Model of(String key, Object value) {
        return new Model().with(key, value);
    }

    public static Model empty() {
        return new Model();
    }

    public Model with(String key, Object value) {
        put(key, value);
        return this;
    }
}
