package org.kesra.contracts;

import java.util.List;
import java.util.Optional;
import org.kesra.contracts.household.HouseholdCorrected;
import org.kesra.contracts.household.HouseholdRegistered;
import org.kesra.contracts.household.HouseholdRelocated;
import org.kesra.contracts.household.MemberAdded;
import org.kesra.contracts.household.MemberMoved;
import org.kesra.contracts.household.MemberRemoved;
import org.kesra.contracts.household.PersonCorrected;
import org.kesra.contracts.household.PersonDied;
import org.kesra.contracts.household.PersonMovedAway;
import org.kesra.contracts.performance.AgreementAgreed;
import org.kesra.contracts.performance.PlanVersionPublished;
import org.kesra.contracts.performance.RealisationSnapshot;
import org.kesra.contracts.performance.UnitFindingsPublished;
import org.kesra.contracts.probe.ProbeSent;
import org.kesra.contracts.welfare.BenefitCycleOpened;
import org.kesra.contracts.welfare.BenefitPaymentsRecorded;
import org.kesra.contracts.welfare.KelurahanIndicatorsPublished;

/** Every event type the platform publishes, at every version still in use. */
public final class EventCatalog {

    public static final EventDefinition HOUSEHOLD_PROBE_SENT = new EventDefinition("household.probe.sent", 1, ProbeSent.class);
    public static final EventDefinition WELFARE_PROBE_SENT = new EventDefinition("welfare.probe.sent", 1, ProbeSent.class);
    public static final EventDefinition PERFORMANCE_PROBE_SENT =
            new EventDefinition("performance.probe.sent", 1, ProbeSent.class);
    public static final EventDefinition REPORTING_PROBE_SENT = new EventDefinition("reporting.probe.sent", 1, ProbeSent.class);

    public static final EventDefinition HOUSEHOLD_REGISTERED =
            new EventDefinition("household.household.registered", 1, HouseholdRegistered.class);
    public static final EventDefinition MEMBER_ADDED = new EventDefinition("household.member.added", 1, MemberAdded.class);
    public static final EventDefinition MEMBER_REMOVED =
            new EventDefinition("household.member.removed", 1, MemberRemoved.class);
    public static final EventDefinition MEMBER_MOVED = new EventDefinition("household.member.moved", 1, MemberMoved.class);
    public static final EventDefinition HOUSEHOLD_RELOCATED =
            new EventDefinition("household.household.relocated", 1, HouseholdRelocated.class);
    public static final EventDefinition PERSON_DIED = new EventDefinition("household.person.died", 1, PersonDied.class);
    public static final EventDefinition PERSON_MOVED_AWAY =
            new EventDefinition("household.person.moved-away", 1, PersonMovedAway.class);
    public static final EventDefinition PERSON_CORRECTED =
            new EventDefinition("household.person.corrected", 1, PersonCorrected.class);
    public static final EventDefinition HOUSEHOLD_CORRECTED =
            new EventDefinition("household.household.corrected", 1, HouseholdCorrected.class);

    public static final EventDefinition KELURAHAN_INDICATORS_PUBLISHED =
            new EventDefinition("welfare.kelurahan-indicators.published", 1, KelurahanIndicatorsPublished.class);
    public static final EventDefinition BENEFIT_CYCLE_OPENED =
            new EventDefinition("welfare.benefit-cycle.opened", 1, BenefitCycleOpened.class);
    public static final EventDefinition BENEFIT_PAYMENTS_RECORDED =
            new EventDefinition("welfare.benefit-payments.recorded", 1, BenefitPaymentsRecorded.class);

    public static final EventDefinition PLAN_VERSION_PUBLISHED =
            new EventDefinition("performance.plan-version.published", 1, PlanVersionPublished.class);
    public static final EventDefinition AGREEMENT_AGREED =
            new EventDefinition("performance.agreement.agreed", 1, AgreementAgreed.class);
    /** The four realisation events share one payload: the realisation as it stands after the step. */
    public static final EventDefinition REALISATION_SUBMITTED =
            new EventDefinition("performance.realisation.submitted", 1, RealisationSnapshot.class);
    public static final EventDefinition REALISATION_RETURNED =
            new EventDefinition("performance.realisation.returned", 1, RealisationSnapshot.class);
    public static final EventDefinition REALISATION_APPROVED =
            new EventDefinition("performance.realisation.approved", 1, RealisationSnapshot.class);
    public static final EventDefinition REALISATION_REOPENED =
            new EventDefinition("performance.realisation.reopened", 1, RealisationSnapshot.class);
    /** A unit's consistency findings for a year after any of the steps above (a snapshot, replacing earlier). */
    public static final EventDefinition UNIT_FINDINGS_PUBLISHED =
            new EventDefinition("performance.unit-findings.published", 1, UnitFindingsPublished.class);

    public static final List<EventDefinition> ALL = List.of(
            HOUSEHOLD_PROBE_SENT, WELFARE_PROBE_SENT, PERFORMANCE_PROBE_SENT, REPORTING_PROBE_SENT,
            HOUSEHOLD_REGISTERED, MEMBER_ADDED, MEMBER_REMOVED, MEMBER_MOVED, HOUSEHOLD_RELOCATED, PERSON_DIED,
            PERSON_MOVED_AWAY, PERSON_CORRECTED, HOUSEHOLD_CORRECTED, KELURAHAN_INDICATORS_PUBLISHED,
            BENEFIT_CYCLE_OPENED, BENEFIT_PAYMENTS_RECORDED,
            PLAN_VERSION_PUBLISHED, AGREEMENT_AGREED, REALISATION_SUBMITTED, REALISATION_RETURNED,
            REALISATION_APPROVED, REALISATION_REOPENED, UNIT_FINDINGS_PUBLISHED);

    private EventCatalog() {
    }

    public static Optional<EventDefinition> find(String type, int version) {
        return ALL.stream().filter(d -> d.type().equals(type) && d.version() == version).findFirst();
    }

    public static List<EventDefinition> ofService(String service) {
        return ALL.stream().filter(d -> d.service().equals(service)).toList();
    }
}
