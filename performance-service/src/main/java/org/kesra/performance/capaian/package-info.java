/**
 * The SAKIP computations, in one place and nowhere else (sakip-rules.md): capaian of an indicator for higher-is-better,
 * lower-is-better and range targets, with an explicit "no ratio" for a target of 0; an optional cap shown beside the
 * raw value, never instead of it; the rating band of a capaian (Permendagri 86/2017); the AKIP predicate of an agency
 * (PermenPANRB 88/2021); budget absorption. Pure Java: no Spring, no database, no HTTP.
 *
 * <p>Rounding: every percentage is the exact quotient rounded once, half-up, to 2 decimal places
 * ({@link org.kesra.performance.capaian.Percent#SCALE}); nothing is rounded before the last step.
 */
package org.kesra.performance.capaian;
