package org.kesra.console.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * API answers as the templates read them: a field the answer leaves out (a masked reader's answer has no birth date;
 * a null may be omitted) reads as null instead of failing the page, as {@code ${person.birthDate}} would on a plain
 * map (Spring's expression language reads a map entry only if the key is present).
 */
final class LenientJson {

    private LenientJson() {
    }

    @SuppressWarnings("unchecked")
    static Object wrap(Object value) {
        if (value instanceof Map<?, ?> map) {
            return of((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> wrapped = new ArrayList<>(list.size());
            list.forEach(item -> wrapped.add(wrap(item)));
            return wrapped;
        }
        return value;
    }

    static Map<String, Object> of(Map<String, Object> map) {
        if (map == null) {
            return null;
        }
        LenientMap wrapped = new LenientMap();
        map.forEach((k, v) -> wrapped.put(k, wrap(v)));
        return wrapped;
    }

    /** Every key is "present"; an absent one reads as null. */
    static final class LenientMap extends LinkedHashMap<String, Object> {

        @Override
        public boolean containsKey(Object key) {
            return true;
        }
    }
}
