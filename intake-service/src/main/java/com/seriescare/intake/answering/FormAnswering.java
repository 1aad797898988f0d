package com.seriescare.intake.answering;

import com.seriescare.intake.clinics.Clinics;
import com.seriescare.intake.forms.ChecklistAnswers;
import com.seriescare.intake.forms.Completion;
import com.seriescare.intake.forms.Flags;
import com.seriescare.intake.forms.FormEvents;
import com.seriescare.intake.forms.FormKind;
import com.seriescare.intake.forms.FormStatus;
import com.seriescare.intake.forms.IntakeAnswers;
import com.seriescare.intake.forms.PatientForm;
import com.seriescare.intake.forms.Questions;
import com.seriescare.intake.forms.Submission;
import com.seriescare.intake.store.PatientForms;
import com.seriescare.intake.store.PatientForms.Snapshot;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** A patient opening and sending a form by its link, and the front desk taking the answers by phone. */
@Service
public class FormAnswering {

    private final PatientForms forms;
    private final Clinics clinics;
    private final Clock clock;

    FormAnswering(PatientForms forms, Clinics clinics, Clock clock) {
        this.forms = forms;
        this.clinics = clinics;
        this.clock = clock;
    }

    /** What a link leads to. */
    public sealed interface Opened {
        /** No such form, or the token is not one of this form's: the page says only that the link does not work. */
        record NotValid() implements Opened {}

        /** The form exists and the token is its own. */
        record Found(PatientForm form, State state) implements Opened {}
    }

    public enum State {
        OPEN,
        EXPIRED,
        ALREADY_SENT,
        NO_LONGER_NEEDED
    }

    /** Reading never changes anything: link-preview bots open links too. */
    public Opened open(String formId, String token) {
        return forms.openedBy(formId, token)
                .<Opened>map(snapshot -> new Opened.Found(snapshot.form(), stateOf(snapshot.form(), clock.instant())))
                .orElseGet(Opened.NotValid::new);
    }

    /** What came of sending a form. */
    public sealed interface Sent {
        record Refused(Opened why) implements Sent {}

        /** Something is missing or wrong: nothing was saved, the page shows the answers again with the problems. */
        record Rejected(PatientForm form, Map<String, String> errors) implements Sent {}

        record Accepted(PatientForm form, boolean showCrisisResources) implements Sent {}
    }

    public Sent send(String formId, String token, Map<String, List<String>> fields) {
        Instant now = clock.instant();
        Optional<Snapshot> found = forms.openedBy(formId, token);
        if (found.isEmpty()) {
            return new Sent.Refused(new Opened.NotValid());
        }
        Snapshot snapshot = found.get();
        PatientForm form = snapshot.form();
        if (stateOf(form, now) != State.OPEN) {
            return new Sent.Refused(new Opened.Found(form, stateOf(form, now)));
        }
        String region = clinics.byId(form.clinicId()).phoneRegion();
        PatientForm completed;
        if (form.kind() == FormKind.INTAKE) {
            Submission<IntakeAnswers> submission = Questions.intake(fields, region);
            if (!submission.isValid()) {
                return new Sent.Rejected(form, submission.errors());
            }
            var answers = submission.answers();
            completed = form.completed(Completion.onTheForm(now, false, Flags.of(answers)), answers, null);
        } else {
            Submission<ChecklistAnswers> submission = Questions.checklist(fields, region);
            if (!submission.isValid()) {
                return new Sent.Rejected(form, submission.errors());
            }
            var answers = submission.answers();
            completed = form.completed(
                    Completion.onTheForm(now, answers.rideHomeConfirmed(), Flags.of(answers)), null, answers);
        }
        if (!forms.change(snapshot, completed, null, FormEvents.completed(completed))) {
            // sent twice at the same moment (a double tap): the other submission won
            return new Sent.Refused(new Opened.Found(form, State.ALREADY_SENT));
        }
        return new Sent.Accepted(completed, FormEvents.needsCrisisResources(completed));
    }

    /** What came of the front desk recording a form completed by phone. */
    public sealed interface ByPhone {
        record NotFound() implements ByPhone {}

        record NotOpen(PatientForm form) implements ByPhone {}

        record Recorded(PatientForm form) implements ByPhone {}
    }

    /**
     * The front desk went through the form with the patient on the phone. The answers stay in the clinic's record
     * (not here), so nothing is flagged from it; whoever took the call has asked the questions.
     */
    public ByPhone completeByPhone(Optional<Snapshot> found, String clinicId, String user, boolean rideHomeConfirmed) {
        if (found.isEmpty() || !found.get().form().clinicId().equals(clinicId)) {
            return new ByPhone.NotFound();
        }
        Snapshot snapshot = found.get();
        if (!snapshot.form().status().isOpen()) {
            return new ByPhone.NotOpen(snapshot.form());
        }
        PatientForm completed =
                snapshot.form().completed(Completion.byPhone(clock.instant(), user, rideHomeConfirmed), null, null);
        if (!forms.change(snapshot, completed, null, FormEvents.completed(completed))) {
            return new ByPhone.NotOpen(snapshot.form());
        }
        return new ByPhone.Recorded(completed);
    }

    private static State stateOf(PatientForm form, Instant now) {
        if (form.status() == FormStatus.COMPLETED) {
            return State.ALREADY_SENT;
        }
        if (form.status() == FormStatus.CLOSED) {
            return State.NO_LONGER_NEEDED;
        }
        return form.isExpired(now) ? State.EXPIRED : State.OPEN;
    }
}
