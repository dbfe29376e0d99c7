package org.coalitionledger.agreement.web;

import org.coalitionledger.common.ActKind;
import org.coalitionledger.recording.ActBodies;
import org.coalitionledger.recording.ActBody;
import org.springframework.stereotype.Component;

import java.util.List;

/** The bodies of an agreement's acts. */
@Component
class AgreementActBodies implements ActBodies {

    @Override
    public List<ActBody<?>> bodies() {
        return List.of(new ActBody<>(ActKind.RegisterAgreement, RegisterAgreementRequest.class,
                                     RegisterAgreementRequest::toCommand),
                       new ActBody<>(ActKind.SignAgreement, SignatoryActRequest.class,
                                     SignatoryActRequest::toSignature),
                       new ActBody<>(ActKind.WithdrawFromAgreement, SignatoryActRequest.class,
                                     SignatoryActRequest::toWithdrawal),
                       new ActBody<>(ActKind.ConsentToBeBound, ConsentRequest.class, ConsentRequest::toCommand),
                       new ActBody<>(ActKind.RecordEntryIntoForce, EntryIntoForceRequest.class,
                                     EntryIntoForceRequest::toCommand),
                       new ActBody<>(ActKind.NotifyWithdrawal, WithdrawalNoticeRequest.class,
                                     WithdrawalNoticeRequest::toCommand));
    }
}
