/**
 * Domain refusals: what use cases throw instead of HTTP exceptions. Each service keeps one catalogue enum of
 * {@link org.kesra.platform.refusal.ProblemType}s; the platform's advice maps {@link
 * org.kesra.platform.refusal.RefusalKind} to an HTTP status in one place.
 */
package org.kesra.platform.refusal;
