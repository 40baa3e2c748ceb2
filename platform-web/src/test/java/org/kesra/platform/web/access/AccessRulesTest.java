package org.kesra.platform.web.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class AccessRulesTest {

    private static List<AccessRule> parse(String csv) throws IOException {
        return AccessRules.parse("t.csv", new StringReader("method,path,allowed,region,outside\n" + csv));
    }

    @Test
    void readsRolesScopesAndRegion() throws IOException {
        List<AccessRule> rules = parse("""
                # a comment
                get,/api/v1/x/{kelurahan},kelurahan-operator  auditor,path:kelurahan,404
                POST,/api/v1/v/{nik},scope:beneficiary.verify,,
                """);
        assertThat(rules).hasSize(2);
        AccessRule first = rules.get(0);
        assertThat(first.method()).isEqualTo(HttpMethod.GET);
        assertThat(first.roles()).containsExactlyInAnyOrder("kelurahan-operator", "auditor");
        assertThat(first.region()).contains(new AccessRule.RegionParameter(true, "kelurahan", 404));
        assertThat(first.authorities()).containsExactly("ROLE_auditor", "ROLE_kelurahan-operator");
        assertThat(rules.get(1).scopes()).containsExactly("beneficiary.verify");
        assertThat(rules.get(1).authorities()).containsExactly("SCOPE_beneficiary.verify");
        assertThat(rules.get(1).allows(Set.of("auditor"), Set.of("beneficiary.verify"))).isTrue();
        assertThat(rules.get(1).allows(Set.of("auditor"), Set.of("aggregates.read"))).isFalse();
    }

    @Test
    void literalPathsComeBeforeVariablesSoTheirOwnRowDecides() throws IOException {
        AccessRules rules = AccessRules.of(parse("""
                GET,/api/v1/imports/{id},auditor,,
                GET,/api/v1/imports/columns,planner,,
                """));
        assertThat(rules.rules()).extracting(AccessRule::pattern)
                .containsExactly("/api/v1/imports/columns", "/api/v1/imports/{id}");
    }

    @Test
    void refusesRowsThatCannotBeMeant() {
        assertThatThrownBy(() -> parse("GET,/api/v1/x,,,\n")).hasMessageContaining("t.csv:2").hasMessageContaining("nobody");
        assertThatThrownBy(() -> parse("GET,api/v1/x,auditor,,\n")).hasMessageContaining("start with /");
        assertThatThrownBy(() -> parse("GET,/api/v1/x,auditor,header:x,403\n")).hasMessageContaining("path:<name>");
        assertThatThrownBy(() -> parse("GET,/api/v1/x,auditor,query:k,200\n")).hasMessageContaining("403 or 404");
        assertThatThrownBy(() -> parse("FETCH,/api/v1/x,auditor,,\n")).hasMessageContaining("method must be");
        assertThatThrownBy(() -> AccessRules.of(parse("GET,/api/v1/x,auditor,,\nget,/api/v1/x,planner,,\n")))
                .hasMessageContaining("second row");
        assertThatThrownBy(() -> AccessRules.parse("t.csv", new StringReader("method,path,roles\nGET,/x,a\n")))
                .hasMessageContaining("columns must be");
    }
}
