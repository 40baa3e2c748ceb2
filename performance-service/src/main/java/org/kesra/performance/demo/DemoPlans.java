package org.kesra.performance.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.kesra.performance.agreement.AgreementRequests;
import org.kesra.performance.agreement.AgreementViews;
import org.kesra.performance.agreement.PerformanceAgreements;
import org.kesra.performance.realisation.RealisationRequests;
import org.kesra.performance.realisation.RealisationViews;
import org.kesra.performance.realisation.Realisations;
import org.kesra.performance.renstra.RenstraPlans;
import org.kesra.performance.renstra.RenstraRequests;
import org.kesra.performance.renstra.RenstraViews;
import org.kesra.performance.units.Unit;
import org.kesra.performance.units.UnitKind;
import org.kesra.performance.units.UnitScope;
import org.kesra.performance.units.Units;
import org.kesra.platform.web.Caller;
import org.kesra.platform.web.Paging;
import org.kesra.seeds.SeedPlans;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The launcher's demo mode ({@code KESRA_DEMO_POPULATION=true}, {@code kesra.demo.population}) for this service: the
 * seeds' plans loaded at startup through the use cases the API calls, with the same typed requests (the bodies of
 * {@link SeedPlans} and {@link Seed002} read as the API reads them), so the demo data passes every rule a client's
 * would and publishes the same events. A unit that already has a plan is skipped, so a restart adds nothing; each
 * unit is loaded in one transaction, so a failure leaves that unit empty and the next start tries it again.
 *
 * <p>What: Dinas Sosial's and Disnakertrans' plans; Kecamatan Metro Barat's IKU plan (seed 004) with the 2021 and 2022
 * Perjanjian Kinerja agreed and each year's fourth quarter approved as seed 004 prints it (historical quarters);
 * Kecamatan Metro Pusat's seed 002 plan, Perjanjian Kinerja 2024 agreed and Q1 realisation approved.
 *
 * <p>Who acts, as the audit and the events record it: plans and agreements by {@code demo.platform-admin}
 * (platform-admin, writes any unit); a kecamatan's realisation is submitted by {@code demo.kecamatan-operator} and
 * approved by {@code demo.kecamatan-approver}, both with the kecamatan as {@code wilayah}, so the submitter never
 * decides (the service's own rule).
 */
@Component
@ConditionalOnBooleanProperty("kesra.demo.population")
public class DemoPlans implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPlans.class);
    static final String ADMIN = "demo.platform-admin";
    static final String OPERATOR = "demo.kecamatan-operator";
    static final String APPROVER = "demo.kecamatan-approver";
    static final String KELURAHAN_OPERATOR = "demo.kelurahan-operator";

    private final RenstraPlans plans;
    private final Units units;
    private final PerformanceAgreements agreements;
    private final Realisations realisations;
    private final JsonMapper json;
    private final TransactionTemplate transaction;

    public DemoPlans(RenstraPlans plans, PerformanceAgreements agreements, Realisations realisations, JsonMapper json,
                     TransactionTemplate transaction, Units units) {
        this.plans = plans;
        this.units = units;
        this.agreements = agreements;
        this.realisations = realisations;
        this.json = json;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> loaded = load();
        log.info("demo plans: loaded units {}", loaded);
    }

    /** Loads the units that have no plan yet; returns their codes (empty when everything was there already). */
    public List<String> load() {
        List<String> loaded = new ArrayList<>();
        unit("dinsos", loaded, admin -> plan(admin, SeedPlans.dinsosSupportProgramme2021To2026()));
        unit("disnakertrans", loaded, admin -> plan(admin, SeedPlans.disnakertrans2023To2026()));
        unit(SeedPlans.METRO_BARAT, loaded, admin -> {
            JsonNode plan = plan(admin, SeedPlans.metroBaratIku2021To2026());
            for (int year = 2021; year <= 2022; year++) {
                // The holiday calendar starts in 2024, so these are historical quarters: entered from the signed
                // LAKIP without a deadline (calendar.Deadlines#historical), submitted and approved like any other.
                UUID agreement = agreed(admin, SeedPlans.metroBaratAgreement(plan, year));
                approved(SeedPlans.METRO_BARAT, SeedPlans.METRO_BARAT, "kecamatan-operator",
                        SeedPlans.metroBaratQ4(agreement.toString(), year));
            }
        });
        // Disnakertrans' programmes in every kelurahan: plan, the lurah's agreement and Q1 2024 reported by the
        // kelurahan's operator and approved by its kecamatan's approver, so monitoring shows them kelurahan by kelurahan.
        List<Unit> kelurahan = units.within(scope(ADMIN, "platform-admin", null), "18.72").stream()
                .filter(u -> u.kind() == UnitKind.KELURAHAN).toList();
        for (int n = 0; n < kelurahan.size(); n++) {
            Unit k = kelurahan.get(n);
            int position = n;
            unit(k.code(), loaded, admin -> {
                JsonNode plan = plan(admin, SeedPlans.disnakertransKelurahan(k.code(), k.name()));
                UUID agreement = agreed(admin, SeedPlans.disnakertransKelurahanAgreement(plan, k.code(), k.name()));
                approved(k.code(), k.parentCode(), "kelurahan-operator",
                        SeedPlans.disnakertransKelurahanQ1(k.code(), agreement.toString(), position));
            });
        }
        unit(Seed002.UNIT, loaded, admin -> {
            JsonNode plan = plan(admin, Seed002.plan());
            UUID agreement = agreed(admin, Seed002.agreement(plan));
            approved(Seed002.UNIT, Seed002.UNIT, "kecamatan-operator", Seed002.realisationQ1(agreement.toString()));
        });
        return loaded;
    }

    private void unit(String code, List<String> loaded, Consumer<UnitScope> load) {
        UnitScope admin = scope(ADMIN, "platform-admin", null);
        if (plans.list(admin, code, new Paging(0, null, 1)).totalItems() > 0) {
            log.info("demo plans: unit {} already has a plan, skipped", code);
            return;
        }
        transaction.executeWithoutResult(status -> load.accept(admin));
        loaded.add(code);
    }

    private JsonNode plan(UnitScope admin, JsonNode body) {
        RenstraViews.PlanView plan = plans.create(admin, json.treeToValue(body, RenstraRequests.NewPlan.class));
        return json.valueToTree(plan);
    }

    private UUID agreed(UnitScope admin, JsonNode body) {
        AgreementViews.AgreementView draft = agreements.draft(admin,
                json.treeToValue(body, AgreementRequests.NewAgreement.class));
        return agreements.agree(admin, draft.id(), draft.latestRevision()).id();
    }

    /**
     * Drafted and submitted by the unit's operator ({@code operatorRole} with the unit as wilayah), approved by the
     * approver of {@code kecamatan}.
     */
    private void approved(String unit, String kecamatan, String operatorRole, JsonNode body) {
        UnitScope operator = scope(operatorRole.equals("kecamatan-operator") ? OPERATOR : KELURAHAN_OPERATOR,
                operatorRole, unit);
        RealisationViews.RealisationView draft = realisations.create(operator,
                json.treeToValue(body, RealisationRequests.NewRealisation.class));
        RealisationViews.RealisationView submitted = realisations.submit(operator, draft.id(), draft.etag());
        realisations.approve(scope(APPROVER, "kecamatan-approver", kecamatan), submitted.id(), submitted.etag());
    }

    private static UnitScope scope(String name, String role, String wilayah) {
        return UnitScope.of(new Caller(name, name, null, Set.of(role), Set.of(), Optional.ofNullable(wilayah),
                Optional.empty()));
    }
}
