package org.kesra.household.registry.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.kesra.household.authorization.RegistryScope;
import org.kesra.household.accesslog.PersonalDataAccessLog;
import org.kesra.household.accesslog.web.AccessRequest;
import org.kesra.household.registry.ChangeHistory;
import org.kesra.household.registry.HouseholdRegistry;
import org.kesra.household.registry.PersonRecord;
import org.kesra.platform.refusal.Refusal;
import org.kesra.platform.refusal.RefusalKind;
import org.kesra.household.search.RegistrySearch;
import org.kesra.platform.web.ListPage;
import org.kesra.platform.web.PageResponse;
import org.kesra.platform.web.ProblemDetailsAdvice;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The one place where a registry record becomes an answer: masked for the reader (RegistryResponses), with the
 * ETag of its version, and logged with the NIKs it shows (reads and writes alike: a write's answer carries full NIKs
 * too, its purpose being the write, so {@code X-Purpose} is recorded when sent).
 */
@Component
class RegistryAnswers {

    private final PersonalDataAccessLog accessLog;

    RegistryAnswers(PersonalDataAccessLog accessLog) {
        this.accessLog = accessLog;
    }

    /** @param id the household the request named (the source card of a move), under which the read is logged */
    ResponseEntity<RegistryResponses.HouseholdView> household(UUID id, HouseholdRegistry.Household household,
                                                               RegistryScope scope, AccessRequest access,
                                                               String purpose) {
        RegistryResponses.HouseholdView view = RegistryResponses.household(household, scope);
        accessLog.householdRead(id, RegistryResponses.fullNiks(view), access.endpoint(), purpose);
        return RegistryResponses.ok(view, household.household().version());
    }

    /** A registered household: 201 with its location, ETag and the log entry of the NIKs it shows. */
    ResponseEntity<RegistryResponses.HouseholdView> created(HouseholdRegistry.Household household, RegistryScope scope,
                                                             AccessRequest access) {
        UUID id = household.household().id();
        ResponseEntity<RegistryResponses.HouseholdView> answer = household(id, household, scope, access,
                access.purpose());
        return ResponseEntity.created(URI.create("/api/v1/households/" + id)).headers(answer.getHeaders())
                .body(answer.getBody());
    }

    /** A page of a household's history, logged with the NIKs its snapshots show (none to a masked reader). */
    PageResponse<ChangeHistory.Entry> householdHistory(UUID id, PageResponse<ChangeHistory.Entry> entries,
                                                       RegistryScope scope, AccessRequest access, String purpose) {
        accessLog.householdRead(id, scope.seesFullNik() ? ChangeHistory.niks(entries.items()) : List.of(),
                access.endpoint(), purpose);
        return entries;
    }

    /** A page of a person's history, logged with the person's NIK and those its snapshots show. */
    PageResponse<ChangeHistory.Entry> personHistory(PersonRecord person, PageResponse<ChangeHistory.Entry> entries,
                                                    RegistryScope scope, AccessRequest access, String purpose) {
        List<String> shown = new ArrayList<>();
        if (scope.seesFullNik()) {
            shown.add(person.data().nik());
            shown.addAll(ChangeHistory.niks(entries.items()));
        }
        accessLog.personRead(person.id(), shown, access.endpoint(), purpose);
        return entries;
    }

    /** A page of persons found, masked for the reader; for a full reader logged with the NIKs shown and asked for. */
    ListPage<RegistrySearch.PersonSummary> persons(ListPage<RegistrySearch.PersonSummary> found, String askedNik,
                                                   UUID household, RegistryScope scope, AccessRequest access,
                                                   String purpose) {
        if (scope.seesFullNik()) {
            List<String> shown = new ArrayList<>(found.items().stream().map(RegistrySearch.PersonSummary::nik).toList());
            if (askedNik != null) {
                shown.add(askedNik.trim());
            }
            accessLog.niksRead(household, shown, access.endpoint(), purpose);
        }
        return found.map(p -> RegistryResponses.person(p, scope));
    }

    /** Runs a read of one person; a refusal (403 outside the caller's rights, 404 unknown or elsewhere) is logged. */
    PersonRecord readable(UUID id, Supplier<PersonRecord> read, AccessRequest access, String purpose) {
        try {
            return read.get();
        } catch (Refusal refused) {
            if (refused.kind() == RefusalKind.FORBIDDEN || refused.kind() == RefusalKind.NOT_FOUND) {
                accessLog.personRefused(id, ProblemDetailsAdvice.STATUS.get(refused.kind()).value(), access.endpoint(),
                        purpose);
            }
            throw refused;
        }
    }

    ResponseEntity<RegistryResponses.PersonView> person(UUID id, PersonRecord person, RegistryScope scope,
                                                         AccessRequest access, String purpose) {
        RegistryResponses.PersonView view = RegistryResponses.person(person, scope);
        accessLog.personRead(id, RegistryResponses.fullNiks(view), access.endpoint(), purpose);
        return RegistryResponses.ok(view, person.version());
    }
}
