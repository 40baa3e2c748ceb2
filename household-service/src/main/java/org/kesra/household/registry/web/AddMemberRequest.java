package org.kesra.household.registry.web;

import java.time.LocalDate;
import org.kesra.household.registry.PersonInput;

/** A member to add to a household, and why (kelahiran, perkawinan, ...). */
public record AddMemberRequest(String nik, String name, String birthPlace, LocalDate birthDate, String sex,
                               String relationship, String maritalStatus, String education, String occupation,
                               String disability, Boolean severeDisability, String chronicIllness, Boolean pregnant,
                               String reason) {

    PersonInput person() {
        return new PersonInput(nik, name, birthPlace, birthDate, sex, relationship, maritalStatus, education,
                occupation, disability, severeDisability, chronicIllness, pregnant);
    }
}
