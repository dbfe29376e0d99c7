package org.coalitionledger.recording;

import org.coalitionledger.common.ActKind;

import java.util.function.BiFunction;

/**
 * How one kind of act is asked for: the request record its body binds to (in the JSON API, the record forms and the
 * import) and how that request becomes the command, given the record id the system chose.
 */
public record ActBody<R>(ActKind kind, Class<R> request, BiFunction<R, String, ?> toCommand) {

    /** The command for a request of this body's type. */
    public Object toCommand(Object body, String recordId) {
        return toCommand.apply(request.cast(body), recordId);
    }
}
