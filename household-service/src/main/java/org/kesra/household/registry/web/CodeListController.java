package org.kesra.household.registry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.kesra.household.authorization.RegistryScope;
import org.kesra.household.registry.CodeLists;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The registry's code lists, served beside the region tree (where the forms read them) but owned by the registry
 * that validates against them.
 */
@RestController
@Tag(name = "Wilayah", description = "Kecamatan, kelurahan, RW, RT dan kelompok dasawisma")
public class CodeListController {

    private final CodeLists codes;

    public CodeListController(CodeLists codes) {
        this.codes = codes;
    }

    /** @param scope resolved only to refuse callers without a registry role or region */
    @GetMapping("/api/v1/wilayah/code-lists")
    @Operation(summary = "Daftar kode isian (pendidikan, disabilitas, data sosial-ekonomi) dengan labelnya")
    public Map<String, Map<String, String>> codeLists(RegistryScope scope) {
        return codes.all();
    }
}
