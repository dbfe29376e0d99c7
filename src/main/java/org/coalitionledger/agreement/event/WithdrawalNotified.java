package org.coalitionledger.agreement.event;

import org.coalitionledger.common.ActKind;
import org.coalitionledger.common.PartialDate;
import org.coalitionledger.common.Source;

/**
 * A state gave notice of withdrawal on {@code effectiveDate}; it takes effect on {@code takesEffect} when given,
 * else the notice period of the agreement after the notice.
 */
public record WithdrawalNotified(String recordId, String agreement, String coalition, String party,
                                 PartialDate effectiveDate, PartialDate takesEffect, Source source, String notes)
        implements SignatoryAct {

    @Override
    public ActKind kind() {
        return ActKind.NotifyWithdrawal;
    }
}
