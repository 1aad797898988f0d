package com.seriescare.scheduling.frontdesk;

import com.seriescare.scheduling.clinic.Clinics;
import com.seriescare.scheduling.patients.Patients;
import com.seriescare.scheduling.readiness.DayViews;
import com.seriescare.scheduling.readiness.DayViews.DaySession;
import com.seriescare.scheduling.series.IllegalTransition;
import com.seriescare.scheduling.series.Series;
import com.seriescare.scheduling.series.SeriesCatalog;
import com.seriescare.scheduling.shared.NotFound;
import com.seriescare.servicesupport.security.CurrentUser;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The landing page: the clinic's sessions of a day by time and chair, with each patient's readiness and the actions
 * that fit each session's state. The page refreshes its list by itself (see {@code /ui/frontdesk.js}).
 */
@Controller
class TodayPage {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, MMMM d, uuuu", Locale.US);

    private final DayViews days;
    private final SeriesCatalog catalog;
    private final Patients patients;
    private final Clinics clinics;
    private final CurrentUser user;
    private final Clock clock;

    TodayPage(DayViews days, SeriesCatalog catalog, Patients patients, Clinics clinics, CurrentUser user, Clock clock) {
        this.days = days;
        this.catalog = catalog;
        this.patients = patients;
        this.clinics = clinics;
        this.user = user;
        this.clock = clock;
    }

    @GetMapping("/today")
    String today(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model) {
        fill(model, date);
        return "frontdesk/today";
    }

    /** Just the day's list, for the page to refresh itself without a reload. */
    @GetMapping("/today/list")
    String list(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model) {
        fill(model, date);
        return "frontdesk/today :: day";
    }

    @PostMapping("/today/sessions/{seriesId}/{sessionId}/{action}")
    String act(
            @PathVariable String seriesId,
            @PathVariable String sessionId,
            @PathVariable String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String newStart,
            RedirectAttributes redirect) {
        Consumer<String> done = message -> redirect.addFlashAttribute("notice", message);
        try {
            switch (action) {
                case "check-in" -> {
                    catalog.checkIn(seriesId, sessionId);
                    done.accept("Checked in.");
                }
                case "complete" -> {
                    catalog.complete(seriesId, sessionId, null);
                    done.accept("Session completed.");
                }
                case "no-show" -> {
                    catalog.markMissed(seriesId, sessionId);
                    done.accept("Marked as no-show.");
                }
                case "cancel" -> {
                    var series = catalog.cancel(seriesId, sessionId, "cancelled at the front desk");
                    done.accept("Session cancelled. " + howThePatientHears(series));
                }
                case "reschedule" -> {
                    if (newStart == null || newStart.isBlank()) {
                        redirect.addFlashAttribute("problem", "Choose the new date and time to move the session to.");
                    } else {
                        var series = catalog.reschedule(seriesId, sessionId, LocalDateTime.parse(newStart));
                        done.accept("Session moved. " + howThePatientHears(series));
                    }
                }
                default -> redirect.addFlashAttribute("problem", "Unknown action.");
            }
        } catch (IllegalTransition | NotFound e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        } catch (RuntimeException refused) {
            // a booking rule (opening hours, chair, overlap) refused the move: say why, change nothing
            redirect.addFlashAttribute("problem", refused.getMessage());
        }
        return "redirect:/today" + (date == null ? "" : "?date=" + date);
    }

    /** Only a patient who agreed to texts is told by text; the desk must call the others. */
    private String howThePatientHears(Series series) {
        boolean texts = patients.find(series.patientId())
                .map(patient -> patient.smsConsent().granted())
                .orElse(false);
        return texts ? "The patient is told by text." : "The patient gets no texts (no consent): call them.";
    }

    private void fill(Model model, LocalDate requested) {
        var clinic = clinics.get(user.clinicId());
        LocalDate today = LocalDate.now(clock.withZone(clinic.timeZone()));
        LocalDate date = requested == null ? today : requested;
        var day = days.day(clinic.id(), date);
        model.addAttribute("day", day);
        model.addAttribute("date", date);
        model.addAttribute("isToday", date.equals(today));
        model.addAttribute("dayTitle", date.format(DAY));
        model.addAttribute("chairs", Chairs.assign(day.sessions(), clinic.chairs()));
        // a session booked before the closure was configured still shows, so the desk moves it
        model.addAttribute(
                "closedFor",
                clinic.openingHours()
                        .closure(date)
                        .map(com.seriescare.scheduling.clinic.Closure::name)
                        .orElse(null));
    }

    /** Which chair each session sits in: the first chair free at its start, in order of start. */
    static final class Chairs {
        static java.util.Map<String, Integer> assign(java.util.List<DaySession> sessions, int chairs) {
            java.util.Map<String, Integer> chairOf = new java.util.HashMap<>();
            java.time.Instant[] freeAt = new java.time.Instant[Math.max(chairs, 1)];
            sessions.stream()
                    .filter(s -> !s.status().equals("cancelled"))
                    .sorted(java.util.Comparator.comparing(DaySession::start))
                    .forEach(s -> {
                        for (int chair = 0; chair < freeAt.length; chair++) {
                            if (freeAt[chair] == null || !freeAt[chair].isAfter(s.start())) {
                                freeAt[chair] = s.end();
                                chairOf.put(s.sessionId(), chair + 1);
                                return;
                            }
                        }
                    });
            return chairOf;
        }
    }
}
