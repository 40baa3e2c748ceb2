package org.kesra.household.registry;

import java.time.LocalDate;

/** A correction of a person's data: the fields sent (absent ones stay) and why. */
public record PersonCorrection(String reason, Patched<String> nik, Patched<String> name, Patched<String> birthPlace,
                               Patched<LocalDate> birthDate, Patched<String> sex, Patched<String> relationship,
                               Patched<String> maritalStatus, Patched<String> education, Patched<String> occupation,
                               Patched<String> disability, Patched<Boolean> severeDisability,
                               Patched<String> chronicIllness, Patched<Boolean> pregnant) {
}
