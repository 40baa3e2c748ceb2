package org.kesra.performance.units;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.kesra.platform.web.Caller;

/**
 * What a caller may read and write, from the token: city-wide readers (planners, auditors, Disnakertrans monitors,
 * platform admins) read every unit; kecamatan and kelurahan staff read their own region (their kecamatan and the
 * kelurahan under it, or their kelurahan). Planners write the plans of their own unit (the OPD in their {@code opd}
 * attribute, or the region in their {@code wilayah} when it is a kecamatan or kelurahan); platform admins write every
 * unit's. The read scope is applied inside the queries ({@link #condition}), so nothing outside it is ever read.
 */
public final class UnitScope {

    static final Set<String> CITY_READERS = Set.of("planner", "auditor", "disnakertrans-monitor", "platform-admin");
    static final Set<String> REGIONAL_READERS = Set.of("kecamatan-operator", "kecamatan-approver", "kelurahan-operator");
    /** A kecamatan (18.72.03) or kelurahan (18.72.03.1001) code: a region below the city. */
    private static final Pattern BELOW_CITY = Pattern.compile("[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}(\\.[0-9]{4})?");

    private final Caller caller;
    /** Empty: city-wide. Otherwise the region code every readable unit lies in (a null region reads nothing). */
    private final Optional<String> region;
    private final boolean readsNothing;

    private UnitScope(Caller caller, Optional<String> region, boolean readsNothing) {
        this.caller = caller;
        this.region = region;
        this.readsNothing = readsNothing;
    }

    public static UnitScope of(Caller caller) {
        if (caller.roles().stream().anyMatch(CITY_READERS::contains)) {
            return new UnitScope(caller, Optional.empty(), false);
        }
        Optional<String> region = caller.wilayah().filter(w -> BELOW_CITY.matcher(w).matches());
        boolean regional = caller.roles().stream().anyMatch(REGIONAL_READERS::contains);
        return new UnitScope(caller, region, !regional || region.isEmpty());
    }

    /**
     * The service itself acting on an event (a register figure arriving), not on a request: reads every unit,
     * writes no plan; {@code name} is what the audit records as the actor.
     */
    public static UnitScope serviceItself(String name) {
        return new UnitScope(new Caller(name, name, null, Set.of(), Set.of(), Optional.empty(), Optional.empty()),
                Optional.empty(), false);
    }

    public Caller caller() {
        return caller;
    }

    /** The region the caller reads, empty when city-wide. */
    public Optional<String> region() {
        return readsNothing ? Optional.empty() : region;
    }

    public boolean reads(String unitCode) {
        if (readsNothing) {
            return false;
        }
        return region.map(r -> unitCode.equals(r) || unitCode.startsWith(r + ".")).orElse(true);
    }

    /** True when the caller may write the plans of {@code unit}. */
    public boolean writes(Unit unit) {
        if (caller.hasRole("platform-admin")) {
            return true;
        }
        if (!caller.hasRole("planner")) {
            return false;
        }
        if (!unit.kind().isRegion()) {
            return caller.opd().map(unit.code()::equals).orElse(false);
        }
        return caller.wilayah().filter(w -> BELOW_CITY.matcher(w).matches())
                .map(w -> unit.code().equals(w) || unit.code().startsWith(w + ".")).orElse(false);
    }

    /** The read scope as a SQL condition on a unit code column; its values are appended to {@code args}. */
    public String condition(String column, List<Object> args) {
        if (readsNothing) {
            return "FALSE";
        }
        if (region.isEmpty()) {
            return "TRUE";
        }
        args.add(region.get());
        args.add(region.get() + ".%");
        return "(" + column + " = ? OR " + column + " LIKE ?)";
    }
}
