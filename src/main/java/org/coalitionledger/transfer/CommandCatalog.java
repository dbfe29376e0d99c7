package org.coalitionledger.transfer;

import org.coalitionledger.common.ActKind;
import org.coalitionledger.recording.ActBodies;
import org.coalitionledger.recording.ActBody;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The commands an import line may name and the body each takes: every {@link ActKind}, with the body its feature
 * declares ({@link ActBodies}). Refuses to start when a kind has no body or two.
 */
@Component
class CommandCatalog {

    private final Map<ActKind, ActBody<?>> bodies = new EnumMap<>(ActKind.class);

    CommandCatalog(List<ActBodies> features) {
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
    Optional<ActBody<?>> named(String command) {
        return ActKind.ofCommand(command).map(bodies::get);
    }
}
