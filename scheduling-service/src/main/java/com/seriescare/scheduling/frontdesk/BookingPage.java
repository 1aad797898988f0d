package com.seriescare.scheduling.frontdesk;

import com.seriescare.scheduling.clinic.Clinic;
import com.seriescare.scheduling.clinic.Clinics;
import com.seriescare.scheduling.patients.Patient;
import com.seriescare.scheduling.patients.Patients;
import com.seriescare.scheduling.series.BookingConflict;
import com.seriescare.scheduling.series.BookingRefused;
import com.seriescare.scheduling.series.Series;
import com.seriescare.scheduling.series.SeriesBooking;
import com.seriescare.scheduling.series.SeriesCatalog;
import com.seriescare.scheduling.series.SeriesPattern;
import com.seriescare.scheduling.shared.InvalidInput;
import com.seriescare.servicesupport.security.CurrentUser;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Books a series: the patient and treatment, then a weekly pattern or a list of dates. The preview shows each
 * session as it would be booked and, for each one that cannot be, why and the nearest free start; one click takes
 * the suggestion. The page previews as the form changes (see {@code /ui/frontdesk.js}) and works without
 * JavaScript through its Preview button.
 */
@Controller
class BookingPage {

    private final SeriesCatalog catalog;
    private final Patients patients;
    private final Clinics clinics;
    private final CurrentUser user;
    private final Clock clock;

    BookingPage(SeriesCatalog catalog, Patients patients, Clinics clinics, CurrentUser user, Clock clock) {
        this.catalog = catalog;
        this.patients = patients;
        this.clinics = clinics;
        this.user = user;
        this.clock = clock;
    }

    @GetMapping("/book")
    String start(@RequestParam(required = false) String patientId, Model model) {
        Clinic clinic = clinics.get(user.clinicId());
        LocalDate tomorrow = LocalDate.now(clock.withZone(clinic.timeZone())).plusDays(1);
        var form = new BookingForm(
                patientId,
                clinic.defaultTreatmentPlan(),
                "pattern",
                tomorrow.toString(),
                "6",
                List.of(tomorrow.getDayOfWeek().name()),
                "09:00",
                "");
        return page(form, Map.of(), Optional.empty(), model);
    }

    /** Preview, take a suggestion ({@code use=<index>}), or book ({@code book}). */
    @PostMapping("/book")
    String submit(
            @ModelAttribute BookingForm form,
            @RequestParam(required = false) Integer use,
            @RequestParam(required = false) String book,
            Model model,
            RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<LocalDateTime> starts = form.starts(errors);
        Optional<Patient> patient = form.patient(patients);
        if (patient.isEmpty()) {
            errors.put("patientId", "Choose a patient of this clinic (find them on the Patients page).");
        }
        if (!errors.isEmpty()) {
            return page(form, errors, Optional.empty(), model);
        }
        var request = new SeriesCatalog.Request(form.patientId(), form.treatmentPlan(), starts);
        try {
            if (use != null) {
                return takeSuggestion(form, request, use, model);
            }
            if (book != null) {
                Series series = catalog.book(request);
                boolean texts = patient.get().smsConsent().granted();
                redirect.addFlashAttribute(
                        "notice",
                        "Booked " + series.sessions().size() + " sessions. "
                                + (texts
                                        ? "The patient is told by text."
                                        : "The patient gets no texts (no consent): tell them the dates."));
                return "redirect:/patients/" + series.patientId();
            }
            return page(form, errors, Optional.of(catalog.preview(request)), model);
        } catch (BookingRefused refused) {
            model.addAttribute("problem", "Nothing was booked: " + refused.getMessage() + ". See below.");
            return page(form, errors, Optional.of(catalog.preview(request)), model);
        } catch (InvalidInput refused) {
            refused.errors().forEach(error -> errors.put(error.field(), error.message()));
            return page(form, errors, Optional.empty(), model);
        }
    }

    /** Just the preview, for the page to show as the form changes. */
    @PostMapping("/book/preview")
    String preview(@ModelAttribute BookingForm form, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<LocalDateTime> starts = form.starts(errors);
        Optional<SeriesBooking.Preview> preview = Optional.empty();
        if (errors.isEmpty() && form.patient(patients).isPresent()) {
            try {
                preview = Optional.of(
                        catalog.preview(new SeriesCatalog.Request(form.patientId(), form.treatmentPlan(), starts)));
            } catch (InvalidInput refused) {
                refused.errors().forEach(error -> errors.put(error.field(), error.message()));
            }
        }
        page(form, errors, preview, model);
        return "frontdesk/book :: preview";
    }

    /** The session at {@code index} moves to its suggested start; the form switches to dates, so it stays put. */
    private String takeSuggestion(BookingForm form, SeriesCatalog.Request request, int index, Model model) {
        var preview = catalog.preview(request);
        List<LocalDateTime> starts = new ArrayList<>(request.localStarts());
        preview.conflicts().stream()
                .filter(conflict -> conflict.index() == index && conflict.suggestedStart() != null)
                .findFirst()
                .ifPresent(conflict -> starts.set(index, conflict.suggestedStart()));
        var changed = new SeriesCatalog.Request(request.patientId(), request.treatmentPlan(), starts);
        return page(form.withDates(starts), Map.of(), Optional.of(catalog.preview(changed)), model);
    }

    private String page(
            BookingForm form, Map<String, String> errors, Optional<SeriesBooking.Preview> preview, Model model) {
        Clinic clinic = clinics.get(user.clinicId());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("patient", form.patient(patients).orElse(null));
        model.addAttribute("plans", new TreeMap<>(clinic.treatmentPlans()));
        model.addAttribute("weekdays", List.of(DayOfWeek.values()));
        preview.ifPresent(p -> {
            model.addAttribute("preview", p);
            Map<Integer, BookingConflict> conflicts = new LinkedHashMap<>();
            p.conflicts().forEach(conflict -> conflicts.put(conflict.index(), conflict));
            model.addAttribute("conflicts", conflicts);
        });
        return "frontdesk/book";
    }

    /**
     * The booking form as typed. {@code mode} is {@code pattern} (first date, count, weekdays, time) or
     * {@code dates} (one date and time per line).
     */
    record BookingForm(
            String patientId,
            String treatmentPlan,
            String mode,
            String firstDate,
            String count,
            List<String> weekdays,
            String time,
            String dates) {

        BookingForm {
            weekdays = weekdays == null ? List.of() : List.copyOf(weekdays);
        }

        Optional<Patient> patient(Patients patients) {
            return patientId == null || patientId.isBlank() ? Optional.empty() : patients.find(patientId);
        }

        public boolean byDates() {
            return "dates".equals(mode);
        }

        BookingForm withDates(List<LocalDateTime> starts) {
            StringBuilder lines = new StringBuilder();
            starts.forEach(start -> lines.append(start.toLocalDate())
                    .append(' ')
                    .append(start.toLocalTime())
                    .append('\n'));
            return new BookingForm(
                    patientId,
                    treatmentPlan,
                    "dates",
                    firstDate,
                    count,
                    weekdays,
                    time,
                    lines.toString().strip());
        }

        /** The local start times asked for, or nothing with what is wrong put in {@code errors}. */
        List<LocalDateTime> starts(Map<String, String> errors) {
            return byDates() ? fromDates(errors) : fromPattern(errors);
        }

        private List<LocalDateTime> fromPattern(Map<String, String> errors) {
            LocalDate first = parse(firstDate, LocalDate::parse, "firstDate", "Enter the first date.", errors);
            LocalTime at = parse(time, LocalTime::parse, "time", "Enter the time, e.g. 09:00.", errors);
            Integer sessions = parse(count, Integer::valueOf, "count", "Enter how many sessions (1 to 52).", errors);
            if (sessions != null && (sessions < 1 || sessions > 52)) {
                errors.put("count", "Enter how many sessions (1 to 52).");
            }
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (String day : weekdays) {
                try {
                    days.add(DayOfWeek.valueOf(day));
                } catch (IllegalArgumentException notADay) {
                    errors.put("weekdays", "'" + day + "' is not a weekday.");
                }
            }
            if (days.isEmpty()) {
                errors.put("weekdays", "Choose at least one weekday.");
            }
            return errors.isEmpty() ? new SeriesPattern(first, sessions, days, at).starts() : List.of();
        }

        private List<LocalDateTime> fromDates(Map<String, String> errors) {
            List<LocalDateTime> starts = new ArrayList<>();
            List<String> lines = dates == null
                    ? List.of()
                    : dates.lines()
                            .map(String::strip)
                            .filter(line -> !line.isEmpty())
                            .toList();
            for (String line : lines) {
                try {
                    starts.add(LocalDateTime.parse(line.replace(' ', 'T')));
                } catch (DateTimeParseException notADate) {
                    errors.put("dates", "'" + line + "' is not a date and time like 2026-12-01 09:00.");
                    return List.of();
                }
            }
            if (starts.isEmpty() || starts.size() > 52) {
                errors.put("dates", "Enter 1 to 52 dates and times, one per line (e.g. 2026-12-01 09:00).");
            }
            return errors.isEmpty() ? starts : List.of();
        }

        private static <T> T parse(
                String text,
                java.util.function.Function<String, T> parser,
                String field,
                String message,
                Map<String, String> errors) {
            try {
                return parser.apply(text == null ? "" : text.strip());
            } catch (RuntimeException unreadable) {
                errors.put(field, message);
                return null;
            }
        }
    }
}
