package org.kesra.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.kesra.contracts.probe.ProbeSent;
import org.junit.jupiter.api.Test;

class EventDefinitionTest {

    @Test
    void derivesServiceTopicAndSchemaFromTheName() {
        EventDefinition definition = new EventDefinition("household.member.added", 2, ProbeSent.class);

        assertThat(definition.service()).isEqualTo("household");
        assertThat(definition.topic()).isEqualTo("household.events");
        assertThat(definition.schemaResource()).isEqualTo("ProbeSent.v2.schema.json");
        assertThat(definition.dataSchema()).isEqualTo("urn:kesra:event:household.member.added:v2");
    }

    @Test
    void rejectsNamesThatAreNotServiceAggregateVerb() {
        assertThatThrownBy(() -> new EventDefinition("HouseholdRegistered", 1, ProbeSent.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("<service>.<aggregate>.<verb>");
        assertThatThrownBy(() -> new EventDefinition("household.registered", 1, ProbeSent.class))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsVersionZero() {
        assertThatThrownBy(() -> new EventDefinition("household.member.added", 0, ProbeSent.class))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
