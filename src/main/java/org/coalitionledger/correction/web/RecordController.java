package org.coalitionledger.correction.web;

import org.coalitionledger.web.Requests;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.coalitionledger.recording.Recorder;
import org.coalitionledger.recording.Recorder.Recorded;
import org.coalitionledger.web.Params;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;

/** Corrections and retractions: new records that say what they change and why; history is never rewritten. */
@RestController
@Tag(name = "Corrections")
class RecordController {

    private final Recorder recorder;
    private final Requests requests;

    RecordController(Recorder recorder, Requests requests) {
        this.recorder = recorder;
        this.requests = requests;
    }

    @PostMapping("/api/records/{recordId}/correction")
    @Operation(summary = "CorrectRecord: the act took effect on another date (body: effectiveDate, reason, source)")
    ResponseEntity<Recorded> correct(@PathVariable String recordId, @RequestBody CorrectionRequest request,
                                     Principal principal) {
        CorrectionRequest atPath = requests.valid(request.atRecord(recordId));
        return ResponseEntity.status(201).body(recorder.record(atPath::toCommand, Params.caller(principal)));
    }

    @PostMapping("/api/records/{recordId}/retraction")
    @Operation(summary = "RetractRecord: the act no longer counts from now on (body: reason, source)")
    ResponseEntity<Recorded> retract(@PathVariable String recordId, @RequestBody RetractionRequest request,
                                     Principal principal) {
        RetractionRequest atPath = requests.valid(request.atRecord(recordId));
        return ResponseEntity.status(201).body(recorder.record(atPath::toCommand, Params.caller(principal)));
    }
}
