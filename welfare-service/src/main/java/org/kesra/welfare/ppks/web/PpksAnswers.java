package org.kesra.welfare.ppks.web;

import org.kesra.platform.web.Caller;
import org.kesra.welfare.authorization.WelfareAccess;
import org.kesra.welfare.ppks.PpksRegister;
import org.kesra.welfare.ppks.PsksRegister;

/** PPKS cases and PSKS entries as the caller may read them: NIKs masked for readers without the full NIK. */
final class PpksAnswers {

    private PpksAnswers() {
    }

    static PpksRegister.Case shown(PpksRegister.Case c, Caller caller) {
        return WelfareAccess.seesFullNik(caller) ? c : new PpksRegister.Case(c.id(), WelfareAccess.masked(c.nik()),
                c.personId(), c.inRegistry(), c.name(), c.kelurahanCode(), c.foundOn(), c.foundAt(), c.status(),
                c.categories(), c.services(), c.closedOn(), c.closeReason(), c.recordedBy());
    }

    static PsksRegister.Entry shown(PsksRegister.Entry e, Caller caller) {
        return WelfareAccess.seesFullNik(caller) ? e : new PsksRegister.Entry(e.id(), e.category(), e.categoryName(),
                e.kind(), e.name(), WelfareAccess.masked(e.nik()), e.kelurahanCode(), e.activeSince(), e.status(),
                e.deactivatedOn(), e.deactivateReason(), e.recordedBy());
    }
}
