package org.kesra.welfare.cycles.web;

import org.kesra.platform.web.Caller;
import org.kesra.welfare.authorization.WelfareAccess;
import org.kesra.welfare.cycles.BenefitPayments;

/** A payment row as the caller may read it: the NIK masked for readers without the full NIK. */
final class PaymentAnswers {

    private PaymentAnswers() {
    }

    static BenefitPayments.Payment shown(BenefitPayments.Payment p, Caller caller) {
        return WelfareAccess.seesFullNik(caller) ? p : new BenefitPayments.Payment(p.enrolmentId(),
                WelfareAccess.masked(p.nik()), p.kelurahanCode(), p.status(), p.rupiah(), p.reason(), p.note(),
                p.recordedBy());
    }
}
