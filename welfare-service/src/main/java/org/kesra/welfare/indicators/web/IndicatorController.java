package org.kesra.welfare.indicators.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.kesra.welfare.authorization.WelfareAccess;
import org.kesra.welfare.indicators.IndicatorPublication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Indikator", description = "Penerbitan angka per kelurahan untuk indikator kinerja (PPKS, KPM)")
public class IndicatorController {

    private final IndicatorPublication publication;

    public IndicatorController(IndicatorPublication publication) {
        this.publication = publication;
    }

    @PostMapping("/api/v1/indicators/publication")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Terbitkan angka PPKS dan KPM per kelurahan untuk satu periode (satu event per kelurahan)")
    public IndicatorPublication.Published publish(@RequestBody IndicatorPublication.Request request) {
        WelfareAccess.catalogueEditor();
        return publication.publish(request);
    }
}
