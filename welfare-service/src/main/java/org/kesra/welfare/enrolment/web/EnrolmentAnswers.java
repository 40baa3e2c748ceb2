package org.kesra.welfare.enrolment.web;

import org.kesra.platform.web.Caller;
import org.kesra.welfare.authorization.WelfareAccess;
import org.kesra.welfare.enrolment.EnrolmentReviews;
import org.kesra.welfare.enrolment.Enrolments;
import org.kesra.welfare.enrolment.PkhComponents;

/** Enrolments, reviews and PKH components as the caller may read them: NIKs and names hidden from masked readers. */
final class EnrolmentAnswers {

    private EnrolmentAnswers() {
    }

    static Enrolments.Enrolment shown(Enrolments.Enrolment e, Caller caller) {
        return WelfareAccess.seesFullNik(caller) ? e : new Enrolments.Enrolment(e.id(), e.programme(),
                WelfareAccess.masked(e.nik()), e.personId(), e.householdId(), e.kelurahanCode(), e.periodStart(),
                e.periodEnd(), e.status(), e.enrolledBy(), e.endReason());
    }

    static EnrolmentReviews.Review shown(EnrolmentReviews.Review review, Caller caller) {
        return WelfareAccess.seesFullNik(caller) ? review : review.withNiks(WelfareAccess::masked);
    }

    /**
     * A component such as pregnancy or severe disability is health data about the member it names: planners and
     * auditors get the amounts and the person ids, not the names (docs/personal-data.md).
     */
    static PkhComponents.Result shown(PkhComponents.Result result, Caller caller) {
        return WelfareAccess.seesFullNik(caller) ? result : new PkhComponents.Result(result.enrolmentId(),
                result.householdId(), result.date(), result.components().stream()
                        .map(c -> new PkhComponents.Component(c.component(), c.personId(), null, c.age(),
                                c.rupiahPerTahap(), c.rupiahPerYear(), c.counted(), c.note()))
                        .toList(), result.counted(), result.familyCap(), result.rupiahPerTahap(), result.rupiahPerYear());
    }
}
