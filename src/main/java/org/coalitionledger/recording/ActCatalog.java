package org.coalitionledger.recording;

import org.coalitionledger.common.ActKind;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every {@link ActKind} with the request body its feature declares ({@link ActBodies}): what an import line or a
 * record form may record, and how its request becomes the command. Refuses to start when a kind has no body or two.
 */
@Component
public class ActCatalog {

    private final Map<ActKind, ActBody<?>> bodies = new EnumMap<>(ActKind.class);

    ActCatalog(List<ActBodies> features) {
        for (ActBodies feature : features) {
            for (ActBody<?> body : feature.bodies()) {
                if (bodies.put(body.kind(), body) != null) {
                    throw new IllegalStateException("two bodies for " + body.kind());
                }
            }
        }
        List<ActKind> missing = Arrays.stream(ActKind.values()).filter(kind -> !bodies.containsKey(kind)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("no request body for " + missing);
        }
    }

    /** The body of the act whose command has this name. */
    public Optional<ActBody<?>> named(String command) {
        return ActKind.ofCommand(command).map(bodies::get);
    }

    /** The body of this kind of act. */
    public ActBody<?> of(ActKind kind) {
        return bodies.get(kind);
    }
}
