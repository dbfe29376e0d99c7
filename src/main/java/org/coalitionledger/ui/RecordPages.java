package org.coalitionledger.ui;

import org.coalitionledger.recording.ActBody;
import org.coalitionledger.recording.ActCatalog;
import org.coalitionledger.web.RejectionStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.coalitionledger.agreement.query.AgreementSummary;
import org.coalitionledger.common.ActKind;
import org.coalitionledger.common.Parties;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.common.Text;
import org.coalitionledger.history.query.HistoryResponse.Entry;
import org.coalitionledger.recording.Recorder;
import org.coalitionledger.recording.Recorder.Recorded;
import org.coalitionledger.web.Params;
import org.coalitionledger.web.Requests;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.security.Principal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The record forms, one per command, for recorders. A form posts to its own address; the act is recorded through
 * the {@code Recorder} like an API request (channel {@code web}). A rejected act is shown again with the values as
 * typed and the message beside the field at fault; nothing is written.
 */
@Controller
class RecordPages {

    private static final Set<FormKind> COALITION_ACTS =
            Set.of(FormKind.JOIN, FormKind.INTENT, FormKind.LEAD, FormKind.DEPARTURE, FormKind.SUSPENSION,
                   FormKind.REINSTATEMENT, FormKind.OBSERVER, FormKind.AGREEMENT);
    private static final Set<FormKind> AGREEMENT_ACTS = Set.of(FormKind.SIGNATURE, FormKind.WITHDRAWAL,
            FormKind.CONSENT, FormKind.ENTRY_INTO_FORCE, FormKind.WITHDRAWAL_NOTICE);
    private static final Set<FormKind> RECORD_ACTS = Set.of(FormKind.CORRECTION, FormKind.RETRACTION);

    /** Every state the ledger knows, for the party field's suggestions. */
    public record Country(String code, String name) {
    }

    private static final List<Country> COUNTRIES = Arrays.stream(java.util.Locale.getISOCountries())
            .map(code -> new Country(code, Parties.nameOf(code))).sorted(Comparator.comparing(Country::name))
            .toList();

    private final Recorder recorder;
    private final Ledger ledger;
    private final Requests requests;
    private final Clock clock;
    private final ActCatalog catalog;

    RecordPages(Recorder recorder, Ledger ledger, Requests requests, ActCatalog catalog, Clock clock) {
        this.clock = clock;
        this.requests = requests;
        this.catalog = catalog;
        this.recorder = recorder;
        this.ledger = ledger;
    }

    /** Blank fields are absent, as in a JSON body that leaves them out. */
    @InitBinder
    void blanksAreNull(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(false) {
            @Override
            public void setAsText(String text) {
                setValue(text == null || text.isBlank() ? null : text);
            }
        });
    }

    @ModelAttribute("form")
    ActForm form() {
        return new ActForm();
    }

    // ---- a new coalition

    @GetMapping("/record/coalition")
    String coalitionForm(Model model, HttpServletRequest request) {
        return show(FormKind.COALITION, null, model, request);
    }

    @PostMapping("/record/coalition")
    String formCoalition(@ModelAttribute("form") ActForm form, Model model, Principal principal,
                         HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        return submit(FormKind.COALITION, null, form, model, principal, request, response, redirect);
    }

    // ---- acts of a coalition: join, intent, lead, departure, agreement

    @GetMapping("/record/{coalition}/{kind}")
    String coalitionActForm(@PathVariable String coalition, @PathVariable String kind, Model model,
                            HttpServletRequest request) {
        FormKind form = kind(kind, COALITION_ACTS);
        context(coalition, model);
        return show(form, coalition, model, request);
    }

    @PostMapping("/record/{coalition}/{kind}")
    String recordCoalitionAct(@PathVariable String coalition, @PathVariable String kind,
                              @ModelAttribute("form") ActForm form, Model model, Principal principal,
                              HttpServletRequest request, HttpServletResponse response,
                              RedirectAttributes redirect) {
        FormKind formKind = kind(kind, COALITION_ACTS);
        context(coalition, model);
        return submit(formKind, coalition, form, model, principal, request, response, redirect);
    }

    // ---- acts under an agreement: signature, withdrawal, consent, entry into force, notice of withdrawal

    @GetMapping("/record/{coalition}/agreements/{agreement}/{kind}")
    String agreementActForm(@PathVariable String coalition, @PathVariable String agreement,
                            @PathVariable String kind, Model model, HttpServletRequest request) {
        FormKind form = kind(kind, AGREEMENT_ACTS);
        agreementContext(coalition, agreement, model);
        return show(form, agreement, model, request);
    }

    @PostMapping("/record/{coalition}/agreements/{agreement}/{kind}")
    String recordAgreementAct(@PathVariable String coalition, @PathVariable String agreement,
                              @PathVariable String kind, @ModelAttribute("form") ActForm form, Model model,
                              Principal principal, HttpServletRequest request, HttpServletResponse response,
                              RedirectAttributes redirect) {
        FormKind formKind = kind(kind, AGREEMENT_ACTS);
        agreementContext(coalition, agreement, model);
        return submit(formKind, agreement, form, model, principal, request, response, redirect);
    }

    // ---- corrections and retractions, from a history row

    @GetMapping("/record/{coalition}/records/{recordId}/{kind}")
    String recordForm(@PathVariable String coalition, @PathVariable String recordId, @PathVariable String kind,
                      Model model, HttpServletRequest request) {
        FormKind form = kind(kind, RECORD_ACTS);
        recordContext(coalition, recordId, form, model);
        return show(form, recordId, model, request);
    }

    @PostMapping("/record/{coalition}/records/{recordId}/{kind}")
    String changeRecord(@PathVariable String coalition, @PathVariable String recordId, @PathVariable String kind,
                        @ModelAttribute("form") ActForm form, Model model, Principal principal,
                        HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        FormKind formKind = kind(kind, RECORD_ACTS);
        recordContext(coalition, recordId, formKind, model);
        return submit(formKind, recordId, form, model, principal, request, response, redirect);
    }

    private String show(FormKind kind, String target, Model model, HttpServletRequest request) {
        model.addAttribute("kind", kind);
        model.addAttribute("target", target);
        model.addAttribute("action", request.getRequestURI());
        model.addAttribute("errors", Map.of());
        model.addAttribute("countries", COUNTRIES);
        model.addAttribute("today", LocalDate.now(clock));
        return "record";
    }

    private String submit(FormKind kind, String target, ActForm form, Model model, Principal principal,
                          HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            Object body = requests.valid(kind.request(form, target));
            ActBody<?> act = catalog.of(kind.act());
            Recorded recorded = recorder.record(recordId -> act.toCommand(body, recordId), Params.caller(principal),
                                                "web");
            String coalition = kind == FormKind.COALITION ? form.getCoalition()
                    : String.valueOf(model.getAttribute("coalitionId"));
            redirect.addFlashAttribute("recorded", "Recorded the " + kind.slug()
                    + " (record " + recorded.recordId() + ")"
                    + (recorded.visible() ? "" : "; the pages may take a moment to show it"));
            return "redirect:/coalitions/" + coalition;
        } catch (Rejection rejection) {
            show(kind, target, model, request);
            Map<String, String> errors = new LinkedHashMap<>();
            for (Rejection.FieldError error : rejection.errors()) {
                errors.merge(kind.fieldOf(error.field()).orElse(""), error.message(), (a, b) -> a + "; " + b);
            }
            model.addAttribute("errors", errors);
            response.setStatus(RejectionStatus.of(rejection).value());
            return "record";
        }
    }

    private static FormKind kind(String slug, Set<FormKind> allowed) {
        return FormKind.of(slug).filter(allowed::contains)
                .orElseThrow(() -> Rejection.notFound("kind", "there is no form '" + Text.clip(slug) + "' here"));
    }

    private void context(String coalition, Model model) {
        model.addAttribute("coalitionId", coalition);
        model.addAttribute("coalition", ledger.coalition(coalition, LocalDate.now(clock), clock.instant()));
    }

    private void agreementContext(String coalition, String agreement, Model model) {
        context(coalition, model);
        AgreementSummary found = ledger.agreements(coalition, LocalDate.now(clock), clock.instant()).stream()
                .filter(summary -> summary.agreement().equals(agreement)).findFirst()
                .orElseThrow(() -> Rejection.notFound("agreement", "unknown agreement '" + Text.clip(agreement)
                        + "' of this coalition"));
        model.addAttribute("agreement", found);
    }

    /** The act a correction or retraction form is about; refused, as the API would, when it may not be changed. */
    private void recordContext(String coalition, String recordId, FormKind form, Model model) {
        context(coalition, model);
        Entry entry = ledger.history(coalition, clock.instant()).stream().flatMap(history -> history.entries().stream())
                .filter(candidate -> candidate.recordId().equals(recordId)).findFirst()
                .orElseThrow(() -> Rejection.notFound("recordId", "no record '" + Text.clip(recordId)
                        + "' in this coalition's history"));
        ActKind act = ActKind.ofCommand(entry.command()).orElseThrow();
        boolean allowed = form == FormKind.CORRECTION ? act.correctable() : act.retractable();
        if (!allowed) {
            throw Rejection.conflict("recordId", "this act (" + act.label() + ") cannot be "
                    + (form == FormKind.CORRECTION ? "corrected: only the dates of the acts of parties and of a"
                    + " coalition's formation can" : "retracted: only the acts of parties can"));
        }
        if (entry.retracted()) {
            throw Rejection.conflict("recordId", "record '" + recordId + "' has been retracted already");
        }
        model.addAttribute("entry", entry);
    }
}
