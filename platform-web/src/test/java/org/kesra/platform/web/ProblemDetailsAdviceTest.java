package org.kesra.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

class ProblemDetailsAdviceTest {

    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    record Member(@Pattern(regexp = "\\d{16}", message = "NIK harus 16 digit") String nik) {
    }

    record Household(@NotBlank(message = "nomor KK wajib diisi") String kk, List<@Valid Member> members) {
    }

    static class Registry {
        public void register(@Valid Household household) {
        }

        public void find(@Pattern(regexp = "\\d{16}", message = "NIK harus 16 digit") String nik) {
        }
    }

    @Test
    void pointsIntoNestedListsOfARequestBody() {
        Set<ConstraintViolation<Household>> violations =
                VALIDATOR.validate(new Household("1872", List.of(new Member("1"), new Member("123"))));

        assertThat(violations).extracting(v -> ProblemDetailsAdvice.pointer(v.getPropertyPath()))
                .containsExactlyInAnyOrder("/members/0/nik", "/members/1/nik");
    }

    @Test
    void leavesTheMethodAndParameterOwnerOutOfAMethodValidationPointer() throws Exception {
        Method register = Registry.class.getMethod("register", Household.class);
        Set<ConstraintViolation<Registry>> onBody = VALIDATOR.forExecutables().validateParameters(new Registry(),
                register, new Object[] {new Household(" ", List.of(new Member("x")))});
        assertThat(onBody).extracting(v -> ProblemDetailsAdvice.pointer(v.getPropertyPath()))
                .containsExactlyInAnyOrder("/kk", "/members/0/nik");

        Method find = Registry.class.getMethod("find", String.class);
        Set<ConstraintViolation<Registry>> onParameter = VALIDATOR.forExecutables().validateParameters(new Registry(),
                find, new Object[] {"abc"});
        assertThat(onParameter).extracting(v -> ProblemDetailsAdvice.pointer(v.getPropertyPath()))
                .containsExactly("/nik");
    }

    @Test
    void turnsBindingPathsIntoJsonPointers() {
        assertThat(ProblemDetailsAdvice.pointer("members[0].nik")).isEqualTo("/members/0/nik");
        assertThat(ProblemDetailsAdvice.pointer("kk")).isEqualTo("/kk");
        assertThat(ProblemDetailsAdvice.pointer("")).isEmpty();
    }

    enum SampleProblems implements org.kesra.platform.refusal.ProblemType {
        NIK_TAKEN;

        public Definition definition() {
            return new Definition("HH-NIK-TERDAFTAR", org.kesra.platform.refusal.RefusalKind.CONFLICT,
                    "NIK sudah terdaftar");
        }
    }

    @Test
    void answersADomainRefusalWithTheStatusOfItsKindAndItsCatalogueEntry() {
        org.kesra.platform.refusal.Refusal refusal = SampleProblems.NIK_TAKEN.refuse(
                "NIK ini sudah terdaftar pada KK lain.", List.of(Violation.field("/members/0/nik", "NIK sudah terdaftar")));

        ResponseEntity<ProblemDetail> response = new ProblemDetailsAdvice().handleRefusal(refusal);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        ProblemDetail body = response.getBody();
        assertThat(body.getTitle()).isEqualTo("NIK sudah terdaftar");
        assertThat(body.getDetail()).isEqualTo("NIK ini sudah terdaftar pada KK lain.");
        assertThat(body.getType().toString()).isEqualTo("urn:kesra:problem:HH-NIK-TERDAFTAR");
        assertThat(body.getProperties()).containsEntry("code", "HH-NIK-TERDAFTAR");
        assertThat((List<?>) body.getProperties().get("errors")).hasSize(1);

        ResponseEntity<ProblemDetail> untitled = new ProblemDetailsAdvice()
                .handleRefusal(org.kesra.platform.refusal.PlatformProblems.invalid(List.of()));
        assertThat(untitled.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(untitled.getBody().getTitle()).isEqualTo("Permintaan tidak valid");
    }

    @Test
    void everyRefusalKindHasOneStatus() {
        assertThat(ProblemDetailsAdvice.STATUS.keySet())
                .containsExactlyInAnyOrder(org.kesra.platform.refusal.RefusalKind.values());
    }

    @Test
    void answersAnApiProblemWithItsCodeTitleAndViolations() {
        ApiProblemException problem = new ApiProblemException(HttpStatus.CONFLICT, "HH-DUPLICATE-NIK",
                "NIK sudah terdaftar", "NIK ini sudah terdaftar pada KK lain.",
                List.of(Violation.field("/members/0/nik", "NIK sudah terdaftar")));

        ResponseEntity<ProblemDetail> response = new ProblemDetailsAdvice().handleApiProblem(problem);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        ProblemDetail body = response.getBody();
        assertThat(body.getTitle()).isEqualTo("NIK sudah terdaftar");
        assertThat(body.getDetail()).isEqualTo("NIK ini sudah terdaftar pada KK lain.");
        assertThat(body.getProperties()).containsEntry("code", "HH-DUPLICATE-NIK");
        assertThat(body.getProperties().get("errors")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactly(Violation.field("/members/0/nik", "NIK sudah terdaftar"));
    }

    @Test
    void hidesTheCauseOfAnUnexpectedErrorAndGivesTheRequestId() {
        org.slf4j.MDC.put(RequestIdFilter.MDC_KEY, "req-12345678");
        try {
            ResponseEntity<ProblemDetail> response =
                    new ProblemDetailsAdvice().handleUnexpected(new IllegalStateException("SQL: secret table"));

            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
            assertThat(response.getBody().getDetail()).doesNotContain("secret").contains("requestId");
            assertThat(response.getBody().getProperties()).containsEntry("requestId", "req-12345678")
                    .containsEntry("code", "KESRA-INTERNAL");
            assertThat(response.getBody().getTitle()).isEqualTo("Kesalahan pada server");
        } finally {
            org.slf4j.MDC.clear();
        }
    }

    @Test
    void replacesSpringsEnglishTitleWithAnIndonesianOne() {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.NOT_FOUND);
        problem.setTitle("Not Found");

        Problems.decorate(problem, "KESRA-HTTP-404");

        assertThat(problem.getTitle()).isEqualTo("Tidak ditemukan");
        assertThat(problem.getProperties()).containsEntry("code", "KESRA-HTTP-404");
    }
}
