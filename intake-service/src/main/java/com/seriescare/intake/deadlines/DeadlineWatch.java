package com.seriescare.intake.deadlines;

import com.seriescare.intake.forms.FormEvents;
import com.seriescare.intake.forms.LinkTokens;
import com.seriescare.intake.forms.PatientForm;
import com.seriescare.intake.store.FormLinks;
import com.seriescare.intake.store.PatientForms;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes {@code IntakeOverdue} / {@code ChecklistOverdue} when a form's deadline passes incomplete, once.
 *
 * <p>The deadlines are the forms' own {@code dueAt} in MongoDB, not timers: after a restart the next pass finds what
 * came due meanwhile. Marking a form overdue, pushing its event onto the outbox and adding the fresh link's token is
 * one conditional update of the form's document (it must still be at the version read). That update is the claim:
 * any number of instances may look at the same form, exactly one update applies, and there is no window in which a
 * crashed claimant holds work it never finishes (the reason dispatch needs lease expiry: its side effect, the text,
 * happens outside the database; here the side effect is the outbox entry, written by the claim itself).
 */
@Component
public class DeadlineWatch {

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);
    private static final int BATCH = 100;

    private final PatientForms forms;
    private final FormLinks links;
    private final Clock clock;

    DeadlineWatch(PatientForms forms, FormLinks links, Clock clock) {
        this.forms = forms;
        this.links = links;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${seriescare.deadlines.poll-interval:10s}", scheduler = "deadlineScheduler")
    void poll() {
        passDeadlines();
    }

    /** Marks every form past its deadline overdue; returns how many this call marked. */
    public int passDeadlines() {
        int marked = 0;
        List<PatientForms.Snapshot> due;
        do {
            Instant now = clock.instant();
            due = forms.pastDue(now, BATCH);
            for (var snapshot : due) {
                if (markOverdue(snapshot, now)) {
                    marked++;
                }
            }
        } while (due.size() == BATCH);
        return marked;
    }

    private boolean markOverdue(PatientForms.Snapshot snapshot, Instant now) {
        PatientForm form = snapshot.form();
        if (form.isExpired(now)) {
            // the session has begun (the service was down past it): a reminder to fill in the form would only confuse
            return forms.change(snapshot, form.overdue(), null, List.of());
        }
        String token = LinkTokens.newToken();
        boolean marked = forms.change(
                snapshot,
                form.overdue(),
                token,
                FormEvents.overdue(form, links.link(form.id(), token), clock.instant()));
        if (marked) {
            log.info("{} {} is overdue (was due {})", form.kind(), form.id(), form.dueAt());
        }
        return marked;
    }
}
