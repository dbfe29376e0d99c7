package org.coalitionledger.recording;

import org.coalitionledger.recording.ActRequests.CorrectionRequest;
import org.coalitionledger.recording.ActRequests.FormCoalitionRequest;
import org.coalitionledger.recording.ActRequests.PartyActRequest;
import org.coalitionledger.recording.ActRequests.RegisterAgreementRequest;
import org.coalitionledger.recording.ActRequests.RetractionRequest;
import org.coalitionledger.recording.ActRequests.SignatoryActRequest;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The commands an import line may name, the body each takes, and the order they are applied in when the lines do
 * not carry their original record times: coalitions first, then agreements, then every other act in effective-date
 * order (same-day acts in the order the aggregates use), then corrections and retractions in line order.
 */
enum CommandCatalog {

    FormCoalition(0, FormCoalitionRequest.class, (request, id) -> ((FormCoalitionRequest) request).toCommand(id)),
    RegisterAgreement(1, RegisterAgreementRequest.class,
                      (request, id) -> ((RegisterAgreementRequest) request).toCommand(id)),
    LeaveCoalition(2, PartyActRequest.class, (request, id) -> ((PartyActRequest) request).toDeparture(id)),
    WithdrawFromAgreement(2, SignatoryActRequest.class,
                          (request, id) -> ((SignatoryActRequest) request).toWithdrawal(id)),
    DeclareIntent(2, PartyActRequest.class, (request, id) -> ((PartyActRequest) request).toIntent(id)),
    JoinCoalition(2, PartyActRequest.class, (request, id) -> ((PartyActRequest) request).toJoin(id)),
    DesignateLead(2, PartyActRequest.class, (request, id) -> ((PartyActRequest) request).toLead(id)),
    SignAgreement(2, SignatoryActRequest.class, (request, id) -> ((SignatoryActRequest) request).toSignature(id)),
    CorrectRecord(3, CorrectionRequest.class, (request, id) -> ((CorrectionRequest) request).toCommand(id)),
    RetractRecord(3, RetractionRequest.class, (request, id) -> ((RetractionRequest) request).toCommand(id));

    private final int phase;
    private final Class<?> body;
    private final BiFunction<Object, String, Object> toCommand;

    CommandCatalog(int phase, Class<?> body, BiFunction<Object, String, Object> toCommand) {
        this.phase = phase;
        this.body = body;
        this.toCommand = toCommand;
    }

    static Optional<CommandCatalog> named(String name) {
        return Arrays.stream(values()).filter(entry -> entry.name().equals(name)).findFirst();
    }

    static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    boolean isCorrection() {
        return phase == 3;
    }

    int phase() {
        return phase;
    }

    Class<?> body() {
        return body;
    }

    Object toCommand(Object request, String recordId) {
        return toCommand.apply(request, recordId);
    }
}
