package org.kesra.household.registry;

/**
 * One thing wrong with an input field: the field's name as in the API ({@code birthDate}), the value as given, and
 * an Indonesian message. The API turns the field into a JSON pointer, the import into a row and column.
 */
public record Problem(String field, String value, String message) {
}
