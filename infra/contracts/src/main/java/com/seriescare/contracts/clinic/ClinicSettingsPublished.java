package com.seriescare.contracts.clinic;

import com.seriescare.contracts.ClinicEvent;
import java.time.Instant;
import java.util.List;

/**
 * A clinic's settings as scheduling-service, their owner, holds them now: what intake-service and notification-service
 * need to speak as the clinic (its names, phone, zone, texting sender, quiet hours, on-call rota, form deadlines,
 * closures).
 * Published on the compacted topic {@code clinic.settings}, keyed by clinic id, whenever they change; each
 * publication carries a higher {@code version}, so a consumer keeps the highest and ignores a late or repeated one.
 *
 * @param shortName the name used in texts and on the patient's forms; never names the treatment
 * @param timeZone IANA zone of the clinic
 * @param phone the number patients call, E.164
 * @param phoneRegion the region (ISO 3166 alpha-2) in which patients write national phone numbers
 */
public record ClinicSettingsPublished(
        String clinicId,
        long version,
        String name,
        String shortName,
        String timeZone,
        String phone,
        String phoneRegion,
        String address,
        Texting texting,
        List<OnCallClinician> onCall,
        Forms forms,
        List<Text> texts,
        Timing timing,
        List<Closure> closures,
        Instant publishedAt)
        implements ClinicEvent {

    public ClinicSettingsPublished {
        onCall = onCall == null ? List.of() : List.copyOf(onCall);
        texts = texts == null ? List.of() : List.copyOf(texts);
        closures = closures == null ? List.of() : List.copyOf(closures);
    }

    /** Settings published before closures were one of them. */
    public ClinicSettingsPublished(
            String clinicId,
            long version,
            String name,
            String shortName,
            String timeZone,
            String phone,
            String phoneRegion,
            String address,
            Texting texting,
            List<OnCallClinician> onCall,
            Forms forms,
            List<Text> texts,
            Timing timing,
            Instant publishedAt) {
        this(
                clinicId,
                version,
                name,
                shortName,
                timeZone,
                phone,
                phoneRegion,
                address,
                texting,
                onCall,
                forms,
                texts,
                timing,
                List.of(),
                publishedAt);
    }

    /**
     * Days the clinic is closed although its weekday has opening hours (holidays, training days): nothing is booked on
     * them.
     *
     * @param from the first closed day, ISO-8601 ({@code 2026-12-25})
     * @param to the last closed day, the same as {@code from} for one day
     * @param name e.g. "Christmas Day"
     */
    public record Closure(String from, String to, String name) {}

    /**
     * A text the clinic words itself (a clinic admin edited it); a kind and language not listed uses the default
     * wording. Variables in braces ({@code {firstName}}) are filled in per text when it is sent.
     *
     * @param kind as in the timeline, e.g. {@code booking_confirmation}
     * @param language {@code en} or {@code es}
     * @param version the template's version at the clinic (1 for its first edit)
     */
    public record Text(String kind, String language, String template, long version) {}

    /**
     * When the clinic's texts go out, in the patient's zone (quiet hours are in {@link Texting}); null: the
     * deployment's defaults.
     *
     * @param prepTipsAt local time ({@code HH:mm}) the evening before a session
     * @param dayOfReminderBefore ISO-8601 duration before the session
     * @param postSessionAfter ISO-8601 duration after the session ends
     * @param checkInAt local time of the next-day check-in
     * @param midSeriesNoteAt local time of the mid-series note
     * @param endOfSeriesAt local time of the end-of-series text
     * @param version the timing's version at the clinic (0: the defaults, never edited)
     */
    public record Timing(
            String prepTipsAt,
            String dayOfReminderBefore,
            String postSessionAfter,
            String checkInAt,
            String midSeriesNoteAt,
            String endOfSeriesAt,
            long version) {}

    /**
     * How the clinic texts.
     *
     * @param smsNumber the number the clinic's texts come from and patients reply to, E.164; null when the clinic
     *     texts from the deployment's default sender
     * @param messagingServiceSid a Twilio Messaging Service to send through instead of {@code smsNumber}; null for none
     * @param integrationCoachPhone whom patients call for integration support; null for the clinic's phone
     * @param quietHoursStart no routine text from this local time ({@code HH:mm}) in the patient's zone ...
     * @param quietHoursEnd ... until this one
     * @param segmentBudget how many SMS segments a text may take; a long series or name is shortened to fit; null: 2
     * @param messagesPerSecond how fast the clinic's sender may send (all instances together); null: the deployment's
     *     default
     */
    public record Texting(
            String smsNumber,
            String messagingServiceSid,
            String integrationCoachPhone,
            String quietHoursStart,
            String quietHoursEnd,
            Integer segmentBudget,
            Double messagesPerSecond) {

        /** Settings published before the sending rate was one of them. */
        public Texting(
                String smsNumber,
                String messagingServiceSid,
                String integrationCoachPhone,
                String quietHoursStart,
                String quietHoursEnd,
                Integer segmentBudget) {
            this(
                    smsNumber,
                    messagingServiceSid,
                    integrationCoachPhone,
                    quietHoursStart,
                    quietHoursEnd,
                    segmentBudget,
                    null);
        }
    }

    /** A clinician paged for urgent care alerts, in rota order (the first is paged first). */
    public record OnCallClinician(String name, String phone) {}

    /** When forms are due: ISO-8601 durations before the session (e.g. {@code PT72H}). */
    public record Forms(String intakeDueBefore, String checklistDueBefore) {}

    /** Settings concern a clinic, not a patient. */
    @Override
    public String patientId() {
        return null;
    }

    @Override
    public String key() {
        return clinicId;
    }

    @Override
    public String subject() {
        return clinicId;
    }
}
