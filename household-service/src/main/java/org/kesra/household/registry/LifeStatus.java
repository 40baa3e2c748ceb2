package org.kesra.household.registry;

/** Whether the person still lives in the city: alive here, deceased, or moved out of the city. */
public enum LifeStatus {
    HIDUP, MENINGGAL, PINDAH
}
