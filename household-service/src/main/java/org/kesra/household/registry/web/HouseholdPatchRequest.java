package org.kesra.household.registry.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.kesra.household.registry.HouseholdCorrection;
import org.kesra.platform.refusal.PlatformProblems;
import org.kesra.platform.web.Violation;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A correction of a household as sent ({@code PATCH /api/v1/households/{id}}): JSON Merge Patch, with its reason.
 * The kelurahan is not corrected here but by relocation, which keeps the move's own history.
 */
@JsonDeserialize(using = HouseholdPatchRequest.Reader.class)
public record HouseholdPatchRequest(String reason, boolean kelurahanSent, List<String> unknownFields,
                                    PatchField<String> kkNumber, PatchField<String> rw, PatchField<String> rt,
                                    PatchField<UUID> dasawismaId, PatchField<String> address,
                                    PatchField<BigDecimal> latitude, PatchField<BigDecimal> longitude,
                                    PatchField<String> houseOwnership, PatchField<Integer> floorAreaM2,
                                    PatchField<String> floorMaterial, PatchField<String> wallMaterial,
                                    PatchField<String> roofMaterial, PatchField<String> waterSource,
                                    PatchField<String> sanitation, PatchField<String> lighting,
                                    PatchField<String> cookingFuel, PatchField<List<String>> assets,
                                    PatchField<String> incomeBand) {

    /** Fields a household correction may change. */
    static final Set<String> FIELDS = Set.of("kkNumber", "rw", "rt", "dasawismaId", "address", "latitude",
            "longitude", "houseOwnership", "floorAreaM2", "floorMaterial", "wallMaterial", "roofMaterial", "waterSource",
            "sanitation", "lighting", "cookingFuel", "assets", "incomeBand");

    /** The validated correction: reason, the kelurahan, unknown fields, then each field's kind. */
    HouseholdCorrection command() {
        String trimmed = MergePatchReader.requireReason(reason);
        if (kelurahanSent) {
            throw PlatformProblems.invalid(List.of(Violation.field("/kelurahanCode",
                    "kelurahan tidak dikoreksi di sini: gunakan pindah alamat (relocation)")));
        }
        MergePatchReader.refuseUnknown(unknownFields);
        return new HouseholdCorrection(trimmed, kkNumber.checked(), rw.checked(), rt.checked(), dasawismaId.checked(),
                address.checked(), latitude.checked(), longitude.checked(), houseOwnership.checked(),
                floorAreaM2.checked(), floorMaterial.checked(), wallMaterial.checked(), roofMaterial.checked(),
                waterSource.checked(), sanitation.checked(), lighting.checked(), cookingFuel.checked(),
                assets.checked(), incomeBand.checked());
    }

    static final class Reader extends MergePatchReader<HouseholdPatchRequest> {

        @Override
        HouseholdPatchRequest read(Map<String, Object> b) {
            return new HouseholdPatchRequest(reason(b), b.containsKey("kelurahanCode"), unknown(b, FIELDS),
                    PatchField.text(b, "kkNumber"), PatchField.text(b, "rw"), PatchField.text(b, "rt"),
                    PatchField.uuid(b, "dasawismaId"), PatchField.text(b, "address"),
                    PatchField.decimal(b, "latitude"), PatchField.decimal(b, "longitude"),
                    PatchField.text(b, "houseOwnership"), PatchField.integer(b, "floorAreaM2"),
                    PatchField.text(b, "floorMaterial"), PatchField.text(b, "wallMaterial"),
                    PatchField.text(b, "roofMaterial"), PatchField.text(b, "waterSource"),
                    PatchField.text(b, "sanitation"), PatchField.text(b, "lighting"),
                    PatchField.text(b, "cookingFuel"), PatchField.strings(b, "assets"),
                    PatchField.text(b, "incomeBand"));
        }
    }
}
