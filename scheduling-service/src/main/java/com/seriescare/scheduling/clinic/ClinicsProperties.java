package com.seriescare.scheduling.clinic;

import com.seriescare.texts.Texts;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The clinics this instance serves ({@code seriescare.clinics[*]}); the service refuses to start without one. */
@Validated
@ConfigurationProperties("seriescare")
public record ClinicsProperties(@NotEmpty List<@Valid ClinicProperties> clinics) {

    public record ClinicProperties(
            @NotBlank String id,
            @NotBlank String name,
            @NotBlank String shortName,
            @NotNull ZoneId timeZone,
            @NotBlank String phone,
            String address,
            @Min(1) int chairs,
            @NotEmpty Map<DayOfWeek, String> openingHours,
            @NotEmpty Map<String, @Valid PlanProperties> treatmentPlans,
            @NotBlank String defaultTreatmentPlan,
            @Pattern(regexp = "[A-Z]{2}") String phoneRegion,
            @Valid TextingProperties texting,
            List<@Valid OnCallProperties> onCall,
            @Valid FormsProperties forms,
            List<@Valid ClosureProperties> closures) {

        /** The settings other services need, as published on {@code clinic.settings} (version and time set there). */
        ClinicSettings toSettings() {
            var text = texting();
            var due = forms == null ? new FormsProperties(null, null) : forms;
            return new ClinicSettings(
                    id,
                    name,
                    shortName,
                    timeZone.getId(),
                    phone,
                    phoneRegion == null ? "US" : phoneRegion,
                    address,
                    new ClinicSettings.Texting(
                            blankToNull(text.smsNumber()),
                            blankToNull(text.messagingServiceSid()),
                            blankToNull(text.integrationCoachPhone()),
                            text.quietHoursStart() == null ? LocalTime.of(21, 0) : text.quietHoursStart(),
                            text.quietHoursEnd() == null ? LocalTime.of(8, 0) : text.quietHoursEnd(),
                            text.segmentBudget(),
                            text.messagesPerSecond()),
                    onCall == null
                            ? List.of()
                            : onCall.stream()
                                    .map(c -> new ClinicSettings.OnCall(c.name(), c.phone()))
                                    .toList(),
                    due.intakeDueBefore() == null ? Duration.ofHours(72) : due.intakeDueBefore(),
                    due.checklistDueBefore() == null ? Duration.ofHours(24) : due.checklistDueBefore(),
                    List.of(),
                    null,
                    closedDays());
        }

        /** The clinic's holidays and other closures, in configuration order. */
        List<Closure> closedDays() {
            return closures == null
                    ? List.of()
                    : closures.stream()
                            .map(c -> new Closure(c.from(), c.to(), c.name()))
                            .toList();
        }

        /** How the clinic texts; every default when nothing is configured. */
        @Override
        public TextingProperties texting() {
            return texting == null ? new TextingProperties(null, null, null, null, null, null, null, null) : texting;
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value;
        }

        Clinic toClinic() {
            return new Clinic(
                    id,
                    name,
                    shortName,
                    timeZone,
                    phone,
                    address == null ? "" : address,
                    chairs,
                    new OpeningHours(
                            openingHours.entrySet().stream()
                                    .collect(Collectors.toMap(
                                            Map.Entry::getKey, e -> OpeningHours.Hours.parse(e.getValue()))),
                            closedDays()),
                    treatmentPlans.entrySet().stream()
                            .collect(Collectors.toMap(
                                    Map.Entry::getKey,
                                    e -> new TreatmentPlan(
                                            e.getKey(),
                                            e.getValue().treatmentMinutes(),
                                            e.getValue().recoveryMinutes()))),
                    defaultTreatmentPlan);
        }
    }

    /**
     * How the clinic texts.
     *
     * @param smsNumber the clinic's own number (E.164) its texts come from and patients reply to; empty: the
     *     deployment's default sender
     * @param messagingServiceSid a Twilio Messaging Service (MG...) to send through instead
     * @param quietHoursStart no routine text from this local time in the patient's zone (default 21:00) ...
     * @param quietHoursEnd ... until this one (default 08:00)
     * @param segmentBudget how many SMS segments a text may take (default 2): an edited template over it is refused
     * @param discretionWords words no text of the clinic may contain (default {@link Texts#DEFAULT_DISCRETION_WORDS}:
     *     the drug, the treatment, a diagnosis)
     * @param messagesPerSecond how fast the clinic's sender may send, all notification-service instances together
     *     (Twilio allows a long code 1 a second; a short code or Messaging Service has its own); empty: the
     *     deployment's default ({@code seriescare.dispatch.messages-per-second})
     */
    public record TextingProperties(
            @Pattern(regexp = "|\\+[1-9][0-9]{6,14}") String smsNumber,
            @Pattern(regexp = "|MG[0-9a-fA-F]{32}") String messagingServiceSid,
            @Pattern(regexp = "|\\+[1-9][0-9]{6,14}") String integrationCoachPhone,
            LocalTime quietHoursStart,
            LocalTime quietHoursEnd,
            @Min(1) @jakarta.validation.constraints.Max(10) Integer segmentBudget,
            List<String> discretionWords,
            @jakarta.validation.constraints.Positive Double messagesPerSecond) {

        public TextingProperties {
            segmentBudget = segmentBudget == null ? Texts.DEFAULT_SEGMENT_BUDGET : segmentBudget;
            discretionWords = discretionWords == null ? Texts.DEFAULT_DISCRETION_WORDS : List.copyOf(discretionWords);
        }
    }

    /** A clinician paged for urgent care alerts; the list is the rota, the first is paged first. */
    public record OnCallProperties(
            @NotBlank String name,

            @NotBlank @Pattern(regexp = "\\+[1-9][0-9]{6,14}")
            String phone) {}

    /**
     * Days the clinic is closed although its weekday has hours (e.g. {@code {from: 2026-12-25, name: Christmas Day}});
     * bookings on them are refused with the name, and the front desk's day view says so.
     *
     * @param to the last closed day; empty for a single day
     */
    public record ClosureProperties(
            @NotNull LocalDate from, LocalDate to, @NotBlank String name) {}

    /** When forms are due, as elapsed time before the session ("72h" is 72 hours, also across a clock change). */
    public record FormsProperties(Duration intakeDueBefore, Duration checklistDueBefore) {}

    public record PlanProperties(
            @Min(1) int treatmentMinutes, @Min(0) int recoveryMinutes) {}
}
