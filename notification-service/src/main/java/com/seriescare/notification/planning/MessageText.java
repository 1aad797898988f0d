package com.seriescare.notification.planning;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The words of each text, in English and Spanish. Discreet: an SMS may be read by someone else, so no text
 * names the drug, the treatment or a diagnosis; the clinic is called by its short name. Every text fits in
 * {@link #MAX_SEGMENTS} SMS segments in the encoding its characters force (see {@link SmsSegments}).
 */
public final class MessageText {

    /** What a text needs to be worded; times are shown in the patient's zone with its abbreviation. */
    public record Variables(
            String firstName,
            String language,
            ZoneId zone,
            String clinicName,
            String clinicPhone,
            String coachPhone,
            String link,
            String code) {

        public Variables(
                String firstName,
                String language,
                ZoneId zone,
                String clinicName,
                String clinicPhone,
                String coachPhone,
                String link) {
            this(firstName, language, zone, clinicName, clinicPhone, coachPhone, link, null);
        }
    }

    private static final Locale SPANISH = Locale.forLanguageTag("es-US");

    private MessageText() {}

    /** A reminder fits in this many SMS segments (DOMAIN.md); every default text is tested against it. */
    public static final int MAX_SEGMENTS = 2;

    /**
     * The text, within {@link #MAX_SEGMENTS} in its actual encoding. Spanish is written as Spanish speakers write it;
     * where an accent outside GSM-7 (á, í, ó, ú) forces UCS-2 the text is short enough for it. A first name with
     * letters outside GSM-7 (Zoë, Nguyễn) is written as is when the text still fits, else without those accents.
     */
    public static String render(MessageKind kind, List<Instant> sessionStarts, Variables v) {
        String asWritten = words(kind, sessionStarts, v, v.firstName());
        if (SmsSegments.of(asWritten).segments() <= MAX_SEGMENTS) {
            return asWritten;
        }
        return words(kind, sessionStarts, v, SmsSegments.toGsm7(v.firstName()));
    }

    private static String words(MessageKind kind, List<Instant> sessionStarts, Variables v, String name) {
        boolean es = "es".equals(v.language());
        return switch (kind) {
            case BOOKING_CONFIRMATION -> confirmation(sessionStarts, v, name);
            case PREP_TIPS ->
                es
                        ? "Hola %s, su cita en %s es mañana a las %s. Coma algo ligero unas horas antes, beba agua y organice quién le lleve a casa. %s"
                                .formatted(name, v.clinicName(), time(sessionStarts.getFirst(), v), v.clinicPhone())
                        : "Hi %s, your appointment at %s is tomorrow at %s. Eat light a few hours before, drink plenty of water, and arrange a ride home. %s"
                                .formatted(name, v.clinicName(), time(sessionStarts.getFirst(), v), v.clinicPhone());
            case PREP_TIPS_AND_CONFIRM ->
                es
                        ? "Hola %s, su cita en %s es mañana a las %s. Coma ligero antes, beba agua y organice su regreso a casa con alguien. Responda C para confirmar. %s"
                                .formatted(name, v.clinicName(), time(sessionStarts.getFirst(), v), v.clinicPhone())
                        : "Hi %s, your appointment at %s is tomorrow at %s. Eat light a few hours before, drink plenty of water, and arrange a ride home. Reply C to confirm. %s"
                                .formatted(name, v.clinicName(), time(sessionStarts.getFirst(), v), v.clinicPhone());
            case DAY_OF_REMINDER ->
                es
                        ? "Hola %s, le esperamos hoy a las %s en %s. Recuerde: alguien debe llevarle a casa. Responda C para confirmar. %s"
                                .formatted(name, time(sessionStarts.getFirst(), v), v.clinicName(), v.clinicPhone())
                        : "Hi %s, see you today at %s at %s. Remember your ride home. Reply C to confirm. %s"
                                .formatted(name, time(sessionStarts.getFirst(), v), v.clinicName(), v.clinicPhone());
            case POST_SESSION ->
                es
                        ? "Gracias por venir hoy, %s. Descanse, escriba lo que surja y no maneje hoy. Si no se siente a salvo, llame o escriba al 988."
                                .formatted(name)
                        : "Thank you for coming today, %s. Rest, keep the day calm, journal what came up, and do not drive today. If you feel unsafe, call or text 988."
                                .formatted(name);
            case NEXT_DAY_CHECK_IN ->
                es
                        ? "Hola %s, ¿cómo se siente hoy? Responda con un número del 1 (muy mal) al 5 (muy bien). %s"
                                .formatted(name, v.clinicName())
                        : "Hi %s, how are you feeling today? Reply with a number from 1 (very low) to 5 (very good). %s"
                                .formatted(name, v.clinicName());
            case MID_SERIES_NOTE ->
                es
                        ? "%s, en esta etapa pueden surgir emociones fuertes, como tristeza o enojo. Es normal y parte del proceso. Su coach de apoyo: %s. %s"
                                .formatted(name, v.coachPhone(), v.clinicName())
                        : "%s, around this point strong feelings such as grief or anger can come up. That is expected and part of the process. Your integration coach: %s. %s"
                                .formatted(name, v.coachPhone(), v.clinicName());
            case END_OF_SERIES ->
                es
                        ? "%s, terminó su serie en %s. Siga con su integración; para lo que sigue, llámenos: %s."
                                .formatted(name, v.clinicName(), v.clinicPhone())
                        : "%s, you have completed your series at %s. Keep up your integration work and plan your next steps with your care team: %s."
                                .formatted(name, v.clinicName(), v.clinicPhone());
            case SESSION_MOVED ->
                es
                        ? "Hola %s, su cita en %s cambió a: %s. ¿Preguntas? %s"
                                .formatted(
                                        name, v.clinicName(), dateAndTime(sessionStarts.getFirst(), v), v.clinicPhone())
                        : "Hi %s, your appointment at %s has moved to %s. Questions? %s"
                                .formatted(
                                        name,
                                        v.clinicName(),
                                        dateAndTime(sessionStarts.getFirst(), v),
                                        v.clinicPhone());
            case SESSION_CANCELLED ->
                es
                        ? "Hola %s, su cita en %s del %s fue cancelada. ¿Preguntas? %s"
                                .formatted(
                                        name, v.clinicName(), dateAndTime(sessionStarts.getFirst(), v), v.clinicPhone())
                        : "Hi %s, your appointment at %s on %s is cancelled. Questions? %s"
                                .formatted(
                                        name,
                                        v.clinicName(),
                                        dateAndTime(sessionStarts.getFirst(), v),
                                        v.clinicPhone());
            case INTAKE_LINK ->
                es
                        ? "Hola %s, antes de su primera cita en %s, complete este formulario: %s ¿Preguntas? %s"
                                .formatted(name, v.clinicName(), v.link(), v.clinicPhone())
                        : "Hi %s, before your first appointment at %s, please fill in this form: %s Questions? %s"
                                .formatted(name, v.clinicName(), v.link(), v.clinicPhone());
            case INTAKE_OVERDUE ->
                es
                        ? "Hola %s, su formulario para su cita en %s sigue pendiente. Puede llenarlo en: %s ¿Preguntas? %s"
                                .formatted(name, v.clinicName(), v.link(), v.clinicPhone())
                        : "Hi %s, your form for your appointment at %s is still missing. You can fill it in here: %s Questions? %s"
                                .formatted(name, v.clinicName(), v.link(), v.clinicPhone());
            case CHECKLIST_LINK ->
                es
                        ? "Hola %s, antes de su siguiente cita en %s, responda unas preguntas breves: %s ¿Preguntas? %s"
                                .formatted(name, v.clinicName(), v.link(), v.clinicPhone())
                        : "Hi %s, before your next appointment at %s, please answer a few quick questions: %s Questions? %s"
                                .formatted(name, v.clinicName(), v.link(), v.clinicPhone());
            case CHECKLIST_OVERDUE ->
                es
                        ? "Hola %s, sus respuestas para su siguiente cita en %s siguen pendientes: %s ¿Preguntas? %s"
                                .formatted(name, v.clinicName(), v.link(), v.clinicPhone())
                        : "Hi %s, we still need your answers for your next appointment at %s: %s Questions? %s"
                                .formatted(name, v.clinicName(), v.link(), v.clinicPhone());
            case CRISIS_RESPONSE ->
                es
                        ? "Si usted corre peligro o piensa en hacerse daño, llame o escriba al 988 o llame al 911 ahora. También puede llamar a %s: %s."
                                .formatted(v.clinicName(), v.clinicPhone())
                        : "If you are in danger or thinking of harming yourself, call or text 988 or call 911 now. %s is here for you too: %s."
                                .formatted(v.clinicName(), v.clinicPhone());
            case HELP_RESPONSE ->
                es
                        ? "%s: llame al %s. Responda STOP para no recibir mensajes."
                                .formatted(v.clinicName(), v.clinicPhone())
                        : "%s: call us at %s. Reply STOP to opt out.".formatted(v.clinicName(), v.clinicPhone());
            // to a clinician, in the clinic's working language
            case ON_CALL_PAGE ->
                "%s: urgent care alert %s. Open %s and reply ACK %s when you have it."
                        .formatted(v.clinicName(), v.code(), v.link(), v.code());
        };
    }

    /**
     * Every session of the series when they fit in the segments; a series too long for that (up to 52 sessions can be
     * booked) is told by its count, first and last session.
     */
    private static String confirmation(List<Instant> starts, Variables v, String name) {
        boolean es = "es".equals(v.language());
        String listed = es
                ? "Hola %s, sus citas en %s quedaron reservadas: %s. ¿Preguntas? %s. Responda STOP para no recibir mensajes."
                        .formatted(name, v.clinicName(), dates(starts, v), v.clinicPhone())
                : "Hi %s, your appointments at %s are booked: %s. Questions? %s. Reply STOP to opt out."
                        .formatted(name, v.clinicName(), dates(starts, v), v.clinicPhone());
        if (starts.size() <= 1 || SmsSegments.of(listed).segments() <= MAX_SEGMENTS) {
            return listed;
        }
        return es
                ? "Hola %s, sus %d citas en %s, del %s al %s, quedaron reservadas. Le escribimos antes de cada una. ¿Preguntas? %s. Responda STOP para no recibir mensajes."
                        .formatted(
                                name,
                                starts.size(),
                                v.clinicName(),
                                dateAndTime(starts.getFirst(), v),
                                dateAndTime(starts.getLast(), v),
                                v.clinicPhone())
                : "Hi %s, your %d appointments at %s are booked, the first on %s and the last on %s. We text you before each one. Questions? %s. Reply STOP to opt out."
                        .formatted(
                                name,
                                starts.size(),
                                v.clinicName(),
                                dateAndTime(starts.getFirst(), v),
                                dateAndTime(starts.getLast(), v),
                                v.clinicPhone());
    }

    private static String dates(List<Instant> starts, Variables v) {
        return starts.stream().map(start -> dateAndTime(start, v)).collect(Collectors.joining(", "));
    }

    private static String dateAndTime(Instant start, Variables v) {
        // Spanish dates as d/M: day names like "sáb" would force UCS-2 and halve what fits in a segment
        return format(start, v, "EEE MMM d h:mm a z", "d/M H:mm z");
    }

    private static String time(Instant start, Variables v) {
        return format(start, v, "h:mm a z", "H:mm z");
    }

    private static String format(Instant instant, Variables v, String english, String spanish) {
        boolean es = "es".equals(v.language());
        return DateTimeFormatter.ofPattern(es ? spanish : english, es ? SPANISH : Locale.US)
                .format(instant.atZone(v.zone()));
    }
}
