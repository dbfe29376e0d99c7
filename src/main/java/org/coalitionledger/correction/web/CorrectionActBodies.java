package org.coalitionledger.correction.web;

import org.coalitionledger.common.ActKind;
import org.coalitionledger.recording.ActBodies;
import org.coalitionledger.recording.ActBody;
import org.springframework.stereotype.Component;

import java.util.List;

/** The bodies of corrections and retractions. */
@Component
class CorrectionActBodies implements ActBodies {

    @Override
    public List<ActBody<?>> bodies() {
        return List.of(new ActBody<>(ActKind.CorrectRecord, CorrectionRequest.class, CorrectionRequest::toCommand),
                       new ActBody<>(ActKind.RetractRecord, RetractionRequest.class, RetractionRequest::toCommand));
    }
}
