package org.kesra.household.registry;

import java.time.LocalDate;

/** A person as entered (form, API, spreadsheet row), before validation. Codes as typed; see {@link CodeLists}. */
public record PersonInput(String nik, String name, String birthPlace, LocalDate birthDate, String sex,
                          String relationship, String maritalStatus, String education, String occupation,
                          String disability, Boolean severeDisability, String chronicIllness, Boolean pregnant) {
}
