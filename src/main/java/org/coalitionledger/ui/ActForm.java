package org.coalitionledger.ui;

import org.coalitionledger.agreement.event.EntryIntoForceRule;
import org.coalitionledger.common.Source;

import java.util.Arrays;
import java.util.List;

/**
 * What a record form posts: the union of the fields of every command, bound by name. Blank fields arrive as null.
 * Which fields a form shows is up to its {@link FormKind}; the rest stay null and the command ignores them.
 */
public class ActForm {

    private String coalition;
    private String name;
    private String parentGroup;
    private String focusAreas;
    private String agreement;
    private String title;
    private String commitmentTerm;
    private String party;
    private String effectiveDate;
    private String reason;
    private String sourceTitle;
    private String sourceUrl;
    private String sourcePublisher;
    private String sourcePublishedOn;
    private String sourceQuote;
    private String notes;
    private String commitmentStarts;
    private String afterConsents;
    private String entryDelay;
    private String withdrawalNotice;
    private String means;
    private String takesEffect;

    /** The source citation, or null when no part of it was given. */
    Source source() {
        if (sourceTitle == null && sourceUrl == null && sourcePublisher == null && sourcePublishedOn == null
                && sourceQuote == null) {
            return null;
        }
        return new Source(sourceTitle, sourceUrl, sourcePublisher, sourcePublishedOn, sourceQuote);
    }

    /** Focus areas, one per line. */
    List<String> focusAreaList() {
        if (focusAreas == null) {
            return null;
        }
        return Arrays.stream(focusAreas.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    public String getCoalition() {
        return coalition;
    }

    public void setCoalition(String coalition) {
        this.coalition = coalition;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getParentGroup() {
        return parentGroup;
    }

    public void setParentGroup(String parentGroup) {
        this.parentGroup = parentGroup;
    }

    public String getFocusAreas() {
        return focusAreas;
    }

    public void setFocusAreas(String focusAreas) {
        this.focusAreas = focusAreas;
    }

    public String getAgreement() {
        return agreement;
    }

    public void setAgreement(String agreement) {
        this.agreement = agreement;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getCommitmentTerm() {
        return commitmentTerm;
    }

    public void setCommitmentTerm(String commitmentTerm) {
        this.commitmentTerm = commitmentTerm;
    }

    public String getParty() {
        return party;
    }

    public void setParty(String party) {
        this.party = party;
    }

    public String getEffectiveDate() {
        return effectiveDate;
    }

    public void setEffectiveDate(String effectiveDate) {
        this.effectiveDate = effectiveDate;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getSourceTitle() {
        return sourceTitle;
    }

    public void setSourceTitle(String sourceTitle) {
        this.sourceTitle = sourceTitle;
    }

    public String getSourceUrl() {
        return sourceUrl;
    }

    public void setSourceUrl(String sourceUrl) {
        this.sourceUrl = sourceUrl;
    }

    public String getSourcePublisher() {
        return sourcePublisher;
    }

    public void setSourcePublisher(String sourcePublisher) {
        this.sourcePublisher = sourcePublisher;
    }

    public String getSourcePublishedOn() {
        return sourcePublishedOn;
    }

    public void setSourcePublishedOn(String sourcePublishedOn) {
        this.sourcePublishedOn = sourcePublishedOn;
    }

    public String getSourceQuote() {
        return sourceQuote;
    }

    public void setSourceQuote(String sourceQuote) {
        this.sourceQuote = sourceQuote;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public String getCommitmentStarts() {
        return commitmentStarts;
    }

    public void setCommitmentStarts(String commitmentStarts) {
        this.commitmentStarts = commitmentStarts;
    }

    public String getAfterConsents() {
        return afterConsents;
    }

    public void setAfterConsents(String afterConsents) {
        this.afterConsents = afterConsents;
    }

    public String getEntryDelay() {
        return entryDelay;
    }

    public void setEntryDelay(String entryDelay) {
        this.entryDelay = entryDelay;
    }

    public String getWithdrawalNotice() {
        return withdrawalNotice;
    }

    public void setWithdrawalNotice(String withdrawalNotice) {
        this.withdrawalNotice = withdrawalNotice;
    }

    public String getMeans() {
        return means;
    }

    public void setMeans(String means) {
        this.means = means;
    }

    public String getTakesEffect() {
        return takesEffect;
    }

    public void setTakesEffect(String takesEffect) {
        this.takesEffect = takesEffect;
    }

    /**
     * The entry-into-force rule, or null when neither part was given. A count that is not a number is passed on as
     * zero, which the aggregate refuses by naming the field.
     */
    EntryIntoForceRule entryRule() {
        if (afterConsents == null && entryDelay == null) {
            return null;
        }
        Integer count = null;
        if (afterConsents != null) {
            try {
                count = Integer.valueOf(afterConsents.strip());
            } catch (NumberFormatException e) {
                count = 0;
            }
        }
        return new EntryIntoForceRule(count, entryDelay);
    }
}
