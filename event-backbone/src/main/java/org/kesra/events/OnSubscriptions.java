package org.kesra.events;

import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code kesra.events.subscriptions} names at least one service: only then are there topics to consume. */
class OnSubscriptions implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !Binder.get(context.getEnvironment())
                .bind("kesra.events.subscriptions", Bindable.listOf(String.class))
                .orElse(List.of())
                .isEmpty();
    }
}
