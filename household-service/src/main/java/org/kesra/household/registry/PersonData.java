package org.kesra.household.registry;

import java.time.LocalDate;
import java.util.Set;

/** A validated person: normalised values and the NIK flags to review. */
public record PersonData(String nik, String name, String nameKey, String birthPlace, LocalDate birthDate, Sex sex,
                         Relationship relationship, String maritalStatus, String education, String occupation,
                         String disability, boolean severeDisability, String chronicIllness, boolean pregnant,
                         Set<Nik.Flag> nikFlags) {
}
