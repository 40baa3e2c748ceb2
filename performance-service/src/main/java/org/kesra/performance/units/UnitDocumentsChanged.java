package org.kesra.performance.units;

/**
 * In-process notice that a unit's SAKIP documents for the years {@code fromYear}-{@code toYear} changed in a way
 * that was announced on {@code performance.events} (a plan version published, an agreement agreed, a realisation
 * step). The consistency package listens and publishes the unit's findings after the change commits. It lives here,
 * beside {@link Unit}, because the plan, agreement and realisation packages publish it and the consistency package,
 * which reads all three, must not be imported by them.
 */
public record UnitDocumentsChanged(String unitCode, int fromYear, int toYear) {
}
