package org.kesra.contracts.household;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A person as the household events carry them: what consumers (welfare-service) need to match registers by NIK and to
 * compute programme components (age, pregnancy, schooling, disability). Codes are the household-service's.
 *
 * @param relationship hubungan dalam keluarga, e.g. KEPALA_KELUARGA, ISTRI, ANAK
 * @param disability   TIDAK or the kind of disability
 */
public record Member(UUID personId, String nik, String name, LocalDate birthDate, String sex, String relationship,
                     String maritalStatus, String education, String occupation, String disability,
                     boolean severeDisability, boolean pregnant, String lifeStatus) {
}
