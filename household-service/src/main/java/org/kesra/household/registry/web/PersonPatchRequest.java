package org.kesra.household.registry.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kesra.household.registry.PersonCorrection;
import tools.jackson.databind.annotation.JsonDeserialize;

/** A correction of a person as sent ({@code PATCH /api/v1/persons/{id}}): JSON Merge Patch, with its reason. */
@JsonDeserialize(using = PersonPatchRequest.Reader.class)
public record PersonPatchRequest(String reason, List<String> unknownFields, PatchField<String> nik,
                                 PatchField<String> name, PatchField<String> birthPlace,
                                 PatchField<LocalDate> birthDate, PatchField<String> sex,
                                 PatchField<String> relationship, PatchField<String> maritalStatus,
                                 PatchField<String> education, PatchField<String> occupation,
                                 PatchField<String> disability, PatchField<Boolean> severeDisability,
                                 PatchField<String> chronicIllness, PatchField<Boolean> pregnant) {

    /** Fields a person correction may change, as named in the API. */
    static final Set<String> FIELDS = Set.of("nik", "name", "birthPlace", "birthDate", "sex", "relationship",
            "maritalStatus", "education", "occupation", "disability", "severeDisability", "chronicIllness", "pregnant");

    /** The validated correction: reason, then unknown fields, then each field's kind. */
    PersonCorrection command() {
        String trimmed = MergePatchReader.requireReason(reason);
        MergePatchReader.refuseUnknown(unknownFields);
        return new PersonCorrection(trimmed, nik.checked(), name.checked(), birthPlace.checked(), birthDate.checked(),
                sex.checked(), relationship.checked(), maritalStatus.checked(), education.checked(),
                occupation.checked(), disability.checked(), severeDisability.checked(), chronicIllness.checked(),
                pregnant.checked());
    }

    static final class Reader extends MergePatchReader<PersonPatchRequest> {

        @Override
        PersonPatchRequest read(Map<String, Object> b) {
            return new PersonPatchRequest(reason(b), unknown(b, FIELDS), PatchField.text(b, "nik"),
                    PatchField.text(b, "name"), PatchField.text(b, "birthPlace"), PatchField.date(b, "birthDate"),
                    PatchField.text(b, "sex"), PatchField.text(b, "relationship"),
                    PatchField.text(b, "maritalStatus"), PatchField.text(b, "education"),
                    PatchField.text(b, "occupation"), PatchField.text(b, "disability"),
                    PatchField.bool(b, "severeDisability"), PatchField.text(b, "chronicIllness"),
                    PatchField.bool(b, "pregnant"));
        }
    }
}
