package org.kesra.household.accesslog.web;

import org.kesra.household.authorization.RegistryScope;
import org.kesra.household.accesslog.PersonalDataAccessLog;

/**
 * What the personal-data access log records of the request being answered: the endpoint (method and path pattern,
 * {@code GET /api/v1/persons/{id}}) and the purpose the caller declared in {@code X-Purpose}. A controller takes it as
 * a parameter ({@link AccessRequestResolver}) instead of reading the header and naming its own endpoint.
 *
 * @param purpose the declared purpose as sent, or {@code null}
 */
public record AccessRequest(String endpoint, String purpose) {

    /** The purpose of a read that is always logged: a 400 problem ({@code HH-TUJUAN-WAJIB}) when none was declared. */
    public String requiredPurpose() {
        return PersonalDataAccessLog.requirePurpose(purpose);
    }

    /** The purpose of an answer that shows full NIKs to this caller only: required of full readers, else none. */
    public String purposeRequiredFor(RegistryScope scope) {
        return scope.seesFullNik() ? requiredPurpose() : null;
    }
}
