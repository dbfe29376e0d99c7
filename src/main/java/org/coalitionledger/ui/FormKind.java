package org.coalitionledger.ui;

import org.coalitionledger.common.ActKind;
import org.coalitionledger.correction.web.CorrectionRequest;
import org.coalitionledger.coalition.web.FormCoalitionRequest;
import org.coalitionledger.coalition.web.PartyActRequest;
import org.coalitionledger.agreement.web.RegisterAgreementRequest;
import org.coalitionledger.correction.web.RetractionRequest;
import org.coalitionledger.agreement.web.SignatoryActRequest;
import org.coalitionledger.agreement.web.ConsentRequest;
import org.coalitionledger.agreement.web.EntryIntoForceRequest;
import org.coalitionledger.agreement.web.WithdrawalNoticeRequest;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Each record form: the act it records, its path segment, its heading, the fields it shows, and the request it
 * sends, the same request record (from the feature's {@code web} package) as the API takes. {@code target} is the
 * coalition, agreement or record the form is about, taken from the path.
 */
public enum FormKind {

    COALITION(ActKind.FormCoalition, "coalition", "Record a coalition's formation",
              List.of("coalition", "name", "parentGroup", "focusAreas", "effectiveDate")) {
        @Override
        Object request(ActForm form, String target) {
            return new FormCoalitionRequest(form.getCoalition(), form.getName(), form.getParentGroup(),
                                            form.focusAreaList(), form.getEffectiveDate(), form.source(),
                                            form.getNotes());
        }
    },
    JOIN(ActKind.JoinCoalition, "join", "Record that a state joined", List.of("party", "effectiveDate")) {
        @Override
        Object request(ActForm form, String target) {
            return partyAct(form, target);
        }
    },
    INTENT(ActKind.DeclareIntent, "intent", "Record a declaration of intent to join",
           List.of("party", "effectiveDate")) {
        @Override
        Object request(ActForm form, String target) {
            return partyAct(form, target);
        }
    },
    LEAD(ActKind.DesignateLead, "lead", "Record that a member was designated a lead",
         List.of("party", "effectiveDate")) {
        @Override
        Object request(ActForm form, String target) {
            return partyAct(form, target);
        }
    },
    DEPARTURE(ActKind.LeaveCoalition, "departure", "Record that a member left", List.of("party", "effectiveDate")) {
        @Override
        Object request(ActForm form, String target) {
            return partyAct(form, target);
        }
    },
    SUSPENSION(ActKind.SuspendMember, "suspension", "Record that a member was suspended",
               List.of("party", "effectiveDate")) {
        @Override
        Object request(ActForm form, String target) {
            return partyAct(form, target);
        }
    },
    REINSTATEMENT(ActKind.ReinstateMember, "reinstatement", "Record that a suspended member was reinstated",
                  List.of("party", "effectiveDate")) {
        @Override
        Object request(ActForm form, String target) {
            return partyAct(form, target);
        }
    },
    OBSERVER(ActKind.AdmitObserver, "observer", "Record that a state was admitted as an observer",
             List.of("party", "effectiveDate")) {
        @Override
        Object request(ActForm form, String target) {
            return partyAct(form, target);
        }
    },
    AGREEMENT(ActKind.RegisterAgreement, "agreement", "Register an agreement of this coalition",
              List.of("agreement", "title", "commitmentTerm", "effectiveDate", "commitmentStarts", "afterConsents",
                      "entryDelay", "withdrawalNotice")) {
        @Override
        Object request(ActForm form, String target) {
            return new RegisterAgreementRequest(form.getAgreement(), target, form.getTitle(),
                                                form.getCommitmentTerm(), form.getEffectiveDate(), form.source(),
                                                form.getNotes(), form.getCommitmentStarts(), form.entryRule(),
                                                form.getWithdrawalNotice());
        }

        @Override
        Optional<String> fieldOf(String rejected) {
            return super.fieldOf("entryIntoForce.afterConsents".equals(rejected) ? "afterConsents"
                                         : "entryIntoForce.delay".equals(rejected) ? "entryDelay" : rejected);
        }
    },
    SIGNATURE(ActKind.SignAgreement, "signature", "Record that a state signed the agreement",
              List.of("party", "effectiveDate")) {
        @Override
        Object request(ActForm form, String target) {
            return new SignatoryActRequest(target, upper(form.getParty()), form.getEffectiveDate(), form.source(),
                                           form.getNotes());
        }
    },
    WITHDRAWAL(ActKind.WithdrawFromAgreement, "withdrawal", "Record that a state withdrew from the agreement",
               List.of("party", "effectiveDate")) {
        @Override
        Object request(ActForm form, String target) {
            return new SignatoryActRequest(target, upper(form.getParty()), form.getEffectiveDate(), form.source(),
                                           form.getNotes());
        }
    },
    CONSENT(ActKind.ConsentToBeBound, "consent", "Record that a state consented to be bound by the agreement",
            List.of("party", "means", "effectiveDate")) {
        @Override
        Object request(ActForm form, String target) {
            return new ConsentRequest(target, upper(form.getParty()), form.getEffectiveDate(), form.getMeans(),
                                      form.source(), form.getNotes());
        }
    },
    ENTRY_INTO_FORCE(ActKind.RecordEntryIntoForce, "entry-into-force", "Record the agreement's entry into force",
                     List.of("effectiveDate")) {
        @Override
        Object request(ActForm form, String target) {
            return new EntryIntoForceRequest(target, form.getEffectiveDate(), form.source(), form.getNotes());
        }
    },
    WITHDRAWAL_NOTICE(ActKind.NotifyWithdrawal, "withdrawal-notice",
                      "Record that a state gave notice of withdrawal from the agreement",
                      List.of("party", "effectiveDate", "takesEffect")) {
        @Override
        Object request(ActForm form, String target) {
            return new WithdrawalNoticeRequest(target, upper(form.getParty()), form.getEffectiveDate(),
                                               form.getTakesEffect(), form.source(), form.getNotes());
        }
    },
    CORRECTION(ActKind.CorrectRecord, "correction", "Correct the date of a recorded act",
               List.of("effectiveDate", "reason")) {
        @Override
        Object request(ActForm form, String target) {
            return new CorrectionRequest(target, form.getEffectiveDate(), form.getReason(), form.source());
        }
    },
    RETRACTION(ActKind.RetractRecord, "retraction", "Retract a recorded act", List.of("reason")) {
        @Override
        Object request(ActForm form, String target) {
            return new RetractionRequest(target, form.getReason(), form.source());
        }
    };

    /** Every form also takes a source and, but for corrections and retractions (whose reason says why), notes. */
    private static final List<String> SOURCE = List.of("sourceTitle", "sourceUrl", "sourcePublisher",
                                                       "sourcePublishedOn", "sourceQuote");

    private final ActKind act;
    private final String slug;
    private final String heading;
    private final List<String> fields;

    FormKind(ActKind act, String slug, String heading, List<String> fields) {
        this.act = act;
        this.slug = slug;
        this.heading = heading;
        this.fields = fields;
    }

    /** The request the form stands for: the same record the API takes for this act. */
    abstract Object request(ActForm form, String target);

    /** The act this form records. */
    ActKind act() {
        return act;
    }

    public String slug() {
        return slug;
    }

    public String heading() {
        return heading;
    }

    /** True when the form shows this field. */
    public boolean shows(String field) {
        return fields.contains(field) || SOURCE.contains(field)
                || field.equals("notes") && this != CORRECTION && this != RETRACTION;
    }

    /** The form field a rejection names ({@code source.url} is {@code sourceUrl}), if the form shows it. */
    Optional<String> fieldOf(String rejected) {
        if (rejected == null) {
            return Optional.empty();
        }
        String field = rejected.equals("source") ? "sourceTitle"
                : rejected.startsWith("source.") ? "source" + Character.toUpperCase(rejected.charAt(7))
                        + rejected.substring(8)
                : rejected.startsWith("focusAreas") ? "focusAreas"
                : rejected;
        return shows(field) ? Optional.of(field) : Optional.empty();
    }

    static Optional<FormKind> of(String slug) {
        return Arrays.stream(values()).filter(kind -> kind.slug.equals(slug)).findFirst();
    }

    private static PartyActRequest partyAct(ActForm form, String coalition) {
        return new PartyActRequest(coalition, upper(form.getParty()), form.getEffectiveDate(), form.source(),
                                   form.getNotes());
    }

    /** Party codes are upper case; "fr" typed in a form means FR. */
    private static String upper(String party) {
        return party == null ? null : party.toUpperCase(Locale.ROOT);
    }
}
