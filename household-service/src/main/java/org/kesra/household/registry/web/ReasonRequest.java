package org.kesra.household.registry.web;

/** A change that needs nothing but its reason. */
public record ReasonRequest(String reason) {
}
