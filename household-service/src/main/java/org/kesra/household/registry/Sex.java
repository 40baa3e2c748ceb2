package org.kesra.household.registry;

/** Jenis kelamin. The NIK encodes it: 40 is added to the day of birth for women. */
public enum Sex {
    L, P
}
