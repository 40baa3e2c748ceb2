package org.kesra.household.wilayah.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.kesra.household.authorization.RegistryScope;
import org.kesra.household.wilayah.RegionUnits;
import org.kesra.household.wilayah.Wilayah;
import org.kesra.household.wilayah.WilayahDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The region tree (read), and the RW, RT and dasawisma groups of a kelurahan (managed by its staff). */
@RestController
@RequestMapping("/api/v1/wilayah")
@Tag(name = "Wilayah", description = "Kecamatan, kelurahan, RW, RT dan kelompok dasawisma")
public class WilayahController {

    public record NumberRequest(String number) {
    }

    public record DasawismaRequest(String rw, String rt, String name) {
    }

    private final WilayahDirectory directory;
    private final RegionUnits units;

    public WilayahController(WilayahDirectory directory, RegionUnits units) {
        this.directory = directory;
        this.units = units;
    }

    /** @param scope resolved only to refuse callers without a registry role or region */
    @GetMapping
    @Operation(summary = "Pohon wilayah Kota Metro (kode Kemendagri)")
    public List<Wilayah> tree(RegistryScope scope) {
        return directory.all();
    }

    @GetMapping("/{kelurahan}/rw")
    @Operation(summary = "RW dan RT sebuah kelurahan")
    public List<RegionUnits.Rw> rw(@PathVariable String kelurahan, RegistryScope scope) {
        return units.rws(units.visible(scope, kelurahan));
    }

    @PostMapping("/{kelurahan}/rw")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Tambah RW")
    public RegionUnits.Rw addRw(@PathVariable String kelurahan, @RequestBody NumberRequest request,
                                RegistryScope scope) {
        return units.addRw(units.writable(scope, kelurahan), request.number(), scope.actor());
    }

    @PostMapping("/{kelurahan}/rw/{rw}/rt")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Tambah RT pada sebuah RW")
    public RegionUnits.Rw addRt(@PathVariable String kelurahan, @PathVariable String rw,
                                @RequestBody NumberRequest request, RegistryScope scope) {
        return units.addRt(units.writable(scope, kelurahan), rw, request.number(), scope.actor());
    }

    @GetMapping("/{kelurahan}/dasawisma")
    @Operation(summary = "Kelompok dasawisma sebuah kelurahan")
    public List<RegionUnits.Dasawisma> dasawisma(@PathVariable String kelurahan, RegistryScope scope) {
        return units.dasawisma(units.visible(scope, kelurahan));
    }

    @PostMapping("/{kelurahan}/dasawisma")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Bentuk kelompok dasawisma pada sebuah RT")
    public RegionUnits.Dasawisma addDasawisma(@PathVariable String kelurahan, @RequestBody DasawismaRequest request,
                                              RegistryScope scope) {
        return units.addDasawisma(units.writable(scope, kelurahan), request.rw(), request.rt(), request.name(),
                scope.actor());
    }
}
