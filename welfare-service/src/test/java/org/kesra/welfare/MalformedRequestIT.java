package org.kesra.welfare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kesra.devinfra.ApiClient;
import org.kesra.devinfra.RawHttp;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import tools.jackson.databind.JsonNode;

/**
 * What platform-web does with malformed input, on a real service: bytes that are not UTF-8 or hold a NUL, control
 * bytes in headers, bodies over the cap (chunked too), a refused token's challenge, and where metrics answer.
 * Every refusal is a problem detail naming the parameter, header or field, and nothing is written.
 */
@ExtendWith(OutputCaptureExtension.class)
class MalformedRequestIT extends WelfareApiIntegrationBase {

    @LocalManagementPort
    int managementPort;

    @Test
    void aQueryParameterThatIsNotUtf8OrHoldsANulIsA400NamingItAndItsValueIsNotLogged(CapturedOutput output) {
        String operator = token("dinsos.operator");
        for (String value : new String[] {"%FF", "%C0%80", "%ED%A0%80", "5%00"}) {
            ApiClient.Response response = api.get("/api/v1/enrolments?size=" + value, operator);
            assertMalformed(response, 400, "KESRA-PARAMETER-TIDAK-SAH", "/size");
        }
        assertMalformed(api.get("/api/v1/enrolments?programme=%00", operator), 400, "KESRA-PARAMETER-TIDAK-SAH",
                "/programme");
        String nik = "1872017103880042";
        assertMalformed(api.get("/api/v1/verifications/access-log?nik=" + nik + "%00", token("dinsos.admin")), 400,
                "KESRA-PARAMETER-TIDAK-SAH", "/nik");
        assertMalformed(api.get("/api/v1/verifications/access-log?nik=%E0%A4" + nik, token("dinsos.admin")), 400,
                "KESRA-PARAMETER-TIDAK-SAH", "/nik");

        assertThat(output.getAll()).as("the log names the parameter, never its value").doesNotContain(nik)
                .doesNotContain("InvalidParameterException").doesNotContain("unexpected error");
    }

    @Test
    void aNulInAJsonStringIsA400PointingAtTheFieldAndNothingIsWritten() {
        String operator = token("dinsos.operator");
        String nik = family().members().get(0).nik();
        long enrolments = count("enrolment");
        long ppks = count("ppks_case");

        assertMalformed(api.post("/api/v1/enrolments", operator,
                "{\"programme\":\"PKH\\u0000\",\"nik\":\"" + nik + "\",\"periodStart\":\"2024-01-01\"}"), 400,
                "KESRA-MALFORMED-BODY", "/programme");
        assertMalformed(api.post("/api/v1/ppks", operator,
                "{\"nik\":\"" + nik + "\",\"kelurahanCode\":\"" + METRO_PUSAT_KELURAHAN + "\\u0000\"}"), 400,
                "KESRA-MALFORMED-BODY", "/kelurahanCode");
        assertMalformed(api.post("/api/v1/musyawarah-proposals", operator,
                "{\"nik\":\"" + nik + "\",\"kelurahanCode\":\"\\u0000\"}"), 400, "KESRA-MALFORMED-BODY",
                "/kelurahanCode");

        assertThat(count("enrolment")).isEqualTo(enrolments);
        assertThat(count("ppks_case")).isEqualTo(ppks);
    }

    @Test
    void aFormEncodedBodyIsA415NotAnUndecodableParameter() throws IOException {
        // verivali's upload reads "program" as a request parameter: the container decoded a form body for it.
        RawHttp.Response response = RawHttp.send("127.0.0.1", port, RawHttp.Request.of("POST", "/api/v1/verivali")
                .header("Authorization", "Bearer " + token("dinsos.operator"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body("program=%FF&file=%00".getBytes(StandardCharsets.US_ASCII)), 30_000);

        assertThat(response.status()).as(response.text()).isEqualTo(415);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aHeaderWithControlBytesIsA400NamingTheHeader() throws IOException {
        RawHttp.Response response = RawHttp.send("127.0.0.1", port,
                RawHttp.Request.of("GET", "/api/v1/verifications/1872017103880042")
                        .header("Authorization", "Bearer " + agencyToken())
                        .header("X-Purpose", "\u00ff\u00fe\u0080"), 30_000);

        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.text());
        assertThat(problem.path("code").asString()).isEqualTo("KESRA-HEADER-TIDAK-SAH");
        assertThat(problem.path("errors").get(0).path("pointer").asString()).isEqualTo("/headers/X-Purpose");

        // A C0 control character: Tomcat refuses the request before any filter runs; still a problem detail.
        RawHttp.Response refusedByTomcat = RawHttp.send("127.0.0.1", port,
                RawHttp.Request.of("GET", "/api/v1/verifications/1872017103880042")
                        .header("Authorization", "Bearer " + agencyToken()).header("X-Purpose", "a\u0001b"), 30_000);
        assertThat(refusedByTomcat.status()).isEqualTo(400);
        assertThat(refusedByTomcat.header("Content-Type")).startsWith("application/problem+json");
        assertThat(JSON.readTree(refusedByTomcat.text()).path("code").asString()).isEqualTo("KESRA-HTTP-400");
    }

    @Test
    void aBodyOverTheCapIsA413WhetherItsLengthIsGivenOrItIsChunkedAndNothingIsWritten() throws IOException {
        String operator = token("dinsos.operator");
        long enrolments = count("enrolment");
        // A JSON object whose one string is 2 MB: over the 1 MB cap, and well-formed, so only the cap refuses it.
        byte[] open = "{\"programme\":\"PKH\",\"nik\":\"1872017103880042\",\"note\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] close = "\"}".getBytes(StandardCharsets.UTF_8);
        RawHttp.Body large = out -> {
            out.write(open);
            RawHttp.Body.repeated(2 * 1024 * 1024, (byte) 'a').writeTo(out);
            out.write(close);
        };
        RawHttp.Response chunked = RawHttp.send("127.0.0.1", port, RawHttp.Request.of("POST", "/api/v1/enrolments")
                .header("Authorization", "Bearer " + operator).header("Content-Type", "application/json")
                .chunked(large), 30_000);
        RawHttp.Response declared = RawHttp.send("127.0.0.1", port, RawHttp.Request.of("POST", "/api/v1/enrolments")
                .header("Authorization", "Bearer " + operator).header("Content-Type", "application/json")
                .header("Content-Length", Integer.toString(open.length + 2 * 1024 * 1024 + close.length))
                .rawBody(large), 30_000);

        for (RawHttp.Response response : new RawHttp.Response[] {chunked, declared}) {
            assertThat(response.status()).as(response.text()).isEqualTo(413);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(JSON.readTree(response.text()).path("code").asString()).isEqualTo("KESRA-TERLALU-BESAR");
        }
        assertThat(count("enrolment")).isEqualTo(enrolments);
    }

    @Test
    void aRefusedTokensChallengeCarriesTheErrorCodeOnly() {
        String token = token("dinsos.operator");
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        ApiClient.Response response = api.get("/api/v1/enrolments", tampered);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
        assertThat(response.body().path("code").asString()).isEqualTo("KESRA-AUTH-401");
        assertThat(api.get("/api/v1/enrolments", null).header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void metricsAnswerOnTheManagementPortOnlyAndTheProbesStayOnTheApiPort() {
        assertThat(managementPort).isNotEqualTo(port);
        ApiClient.Response onApiPort = api.get("/actuator/prometheus", null);
        assertThat(onApiPort.status()).isNotEqualTo(200);
        assertThat(onApiPort.text()).doesNotContain("jvm_memory_used_bytes");
        assertThat(api.get("/livez", null).status()).isEqualTo(200);
        assertThat(api.get("/readyz", null).status()).isEqualTo(200);

        ApiClient.Response metrics = new ApiClient(managementPort).get("/actuator/prometheus", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.text()).contains("jvm_memory_used_bytes");
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private static void assertMalformed(ApiClient.Response response, int status, String code, String pointer) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().path("code").asString()).as(response.text()).isEqualTo(code);
        assertThat(response.body().path("errors").get(0).path("pointer").asString()).as(response.text())
                .isEqualTo(pointer);
        assertThat(response.body().path("requestId").asString()).isNotEmpty();
    }
}
