package org.kesra.platform.web;

import java.beans.PropertyEditorSupport;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Text from a request never holds a NUL character nor half of a surrogate pair: PostgreSQL refuses a NUL in every
 * text column, so one that got in failed as a 500 at the first INSERT or WHERE, and a lone surrogate (a JSON
 * {@code "\\ud800"}) is not a character at all and was stored as '?'. JSON strings are refused while the body is read
 * (a 400 pointing at the field), request parameters and headers while they are bound (a 400 naming the parameter).
 */
final class CleanText {

    static final String DETAIL = "Teks tidak boleh berisi karakter NUL (\\u0000) atau karakter Unicode yang tidak utuh.";

    /** True when the text holds a NUL or an unpaired surrogate. */
    static boolean isUnclean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return true;
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            }
        }
        return false;
    }

    private CleanText() {
    }

    /** Jackson module: every String read from JSON (fields, list elements, values of maps) is checked. */
    static SimpleModule jsonModule() {
        return new SimpleModule("kesra-clean-text").addDeserializer(String.class, new Deserializer());
    }

    /** A JSON string holding a NUL; the advice answers it with the field's pointer. */
    static final class UncleanTextException extends InvalidFormatException {

        UncleanTextException(JsonParser parser) {
            super(parser, DETAIL, null, String.class);
        }
    }

    static final class Deserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String value = super.deserialize(p, ctxt);
            if (value != null && isUnclean(value)) {
                throw new UncleanTextException(p);
            }
            return value;
        }
    }

    /** For Spring's data binder: request parameters, multipart text fields, headers, path variables. */
    static final class Editor extends PropertyEditorSupport {

        @Override
        public void setAsText(String text) {
            if (text != null && isUnclean(text)) {
                throw new IllegalArgumentException(DETAIL);
            }
            setValue(text);
        }
    }
}
