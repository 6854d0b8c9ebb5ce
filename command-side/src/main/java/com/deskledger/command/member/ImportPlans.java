package com.deskledger.command.member;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plans a centre sells, which an import's rows must name ({@code deskledger.imports.plans.<centre>}, a list;
 * {@code *} for every centre without a list of its own). No list at all: any plan name is taken, as the desk's own
 * package purchases take any.
 */
@Component
class ImportPlans {

    private final Map<String, Set<String>> byCentre = new HashMap<>();

    ImportPlans(Environment environment) {
        Binder.get(environment).bind("deskledger.imports.plans", Bindable.mapOf(String.class, String[].class))
                .ifBound(plans -> plans.forEach((centre, names) -> byCentre.put(centre,
                        Set.copyOf(List.of(names).stream().map(String::strip).filter(n -> !n.isEmpty()).toList()))));
    }

    Map<String, Set<String>> byCentre() {
        return byCentre;
    }
}
