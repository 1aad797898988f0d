package com.seriescare.notification.planning;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The words of each text, in English and Spanish. Discreet: an SMS may be read by someone else, so no text
 * names the drug, the treatment or a diagnosis; the clinic is called by its short name. Default wording keeps to
 * the GSM-7 alphabet, so a text fits in one or two SMS segments.
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
            String link) {}

    private static final Locale SPANISH = Locale.forLanguageTag("es-US");

    private MessageText() {}

    public static String render(MessageKind kind, List<Instant> sessionStarts, Variables v) {
        boolean es = "es".equals(v.language());
        return switch (kind) {
            case BOOKING_CONFIRMATION ->
                es
                        ? "Hola %s, sus citas en %s quedaron reservadas: %s. ¿Preguntas? %s. Responda STOP para no recibir mensajes."
                                .formatted(v.firstName(), v.clinicName(), dates(sessionStarts, v), v.clinicPhone())
                        : "Hi %s, your appointments at %s are booked: %s. Questions? %s. Reply STOP to opt out."
                                .formatted(v.firstName(), v.clinicName(), dates(sessionStarts, v), v.clinicPhone());
            case PREP_TIPS ->
                es
                        ? "Hola %s, su cita en %s es mañana, %s. Coma algo ligero unas horas antes, tome suficiente agua y organice quién le lleve a casa. %s"
                                .formatted(
                                        v.firstName(),
                                        v.clinicName(),
                                        time(sessionStarts.getFirst(), v),
                                        v.clinicPhone())
                        : "Hi %s, your appointment at %s is tomorrow, %s. Eat light a few hours before, drink plenty of water, and arrange a ride home. %s"
                                .formatted(
                                        v.firstName(),
                                        v.clinicName(),
                                        time(sessionStarts.getFirst(), v),
                                        v.clinicPhone());
            case DAY_OF_REMINDER ->
                es
                        ? "Hola %s, le esperamos hoy a las %s en %s. Recuerde: alguien debe llevarle a casa. Responda C para confirmar. %s"
                                .formatted(
                                        v.firstName(),
                                        time(sessionStarts.getFirst(), v),
                                        v.clinicName(),
                                        v.clinicPhone())
                        : "Hi %s, see you today at %s at %s. Remember your ride home. Reply C to confirm. %s"
                                .formatted(
                                        v.firstName(),
                                        time(sessionStarts.getFirst(), v),
                                        v.clinicName(),
                                        v.clinicPhone());
            case POST_SESSION ->
                es
                        ? "Gracias por venir hoy, %s. Descanse, tenga un dia tranquilo, escriba lo que surgio y no maneje hoy. Si no se siente a salvo, llame o escriba al 988."
                                .formatted(v.firstName())
                        : "Thank you for coming today, %s. Rest, keep the day calm, journal what came up, and do not drive today. If you feel unsafe, call or text 988."
                                .formatted(v.firstName());
            case NEXT_DAY_CHECK_IN ->
                es
                        ? "Hola %s, ¿como se siente hoy? Responda con un numero del 1 (muy mal) al 5 (muy bien). %s"
                                .formatted(v.firstName(), v.clinicName())
                        : "Hi %s, how are you feeling today? Reply with a number from 1 (very low) to 5 (very good). %s"
                                .formatted(v.firstName(), v.clinicName());
            case MID_SERIES_NOTE ->
                es
                        ? "%s, en esta etapa pueden surgir emociones fuertes, como tristeza o enojo. Es normal y parte del proceso. Su coach de integracion: %s. %s"
                                .formatted(v.firstName(), v.coachPhone(), v.clinicName())
                        : "%s, around this point strong feelings such as grief or anger can come up. That is expected and part of the process. Your integration coach: %s. %s"
                                .formatted(v.firstName(), v.coachPhone(), v.clinicName());
            case END_OF_SERIES ->
                es
                        ? "%s, termino su serie en %s. Siga con su trabajo de integracion y planee los proximos pasos con su equipo: %s."
                                .formatted(v.firstName(), v.clinicName(), v.clinicPhone())
                        : "%s, you have completed your series at %s. Keep up your integration work and plan your next steps with your care team: %s."
                                .formatted(v.firstName(), v.clinicName(), v.clinicPhone());
            case SESSION_MOVED ->
                es
                        ? "Hola %s, su cita en %s cambio a: %s. ¿Preguntas? %s"
                                .formatted(
                                        v.firstName(),
                                        v.clinicName(),
                                        dateAndTime(sessionStarts.getFirst(), v),
                                        v.clinicPhone())
                        : "Hi %s, your appointment at %s has moved to %s. Questions? %s"
                                .formatted(
                                        v.firstName(),
                                        v.clinicName(),
                                        dateAndTime(sessionStarts.getFirst(), v),
                                        v.clinicPhone());
            case SESSION_CANCELLED ->
                es
                        ? "Hola %s, su cita en %s del %s fue cancelada. ¿Preguntas? %s"
                                .formatted(
                                        v.firstName(),
                                        v.clinicName(),
                                        dateAndTime(sessionStarts.getFirst(), v),
                                        v.clinicPhone())
                        : "Hi %s, your appointment at %s on %s is cancelled. Questions? %s"
                                .formatted(
                                        v.firstName(),
                                        v.clinicName(),
                                        dateAndTime(sessionStarts.getFirst(), v),
                                        v.clinicPhone());
            case INTAKE_LINK ->
                es
                        ? "Hola %s, antes de su primera cita en %s, complete este formulario: %s ¿Preguntas? %s"
                                .formatted(v.firstName(), v.clinicName(), v.link(), v.clinicPhone())
                        : "Hi %s, before your first appointment at %s, please fill in this form: %s Questions? %s"
                                .formatted(v.firstName(), v.clinicName(), v.link(), v.clinicPhone());
            case INTAKE_OVERDUE ->
                es
                        ? "Hola %s, aun falta su formulario para su cita en %s. Puede completarlo aqui: %s ¿Preguntas? %s"
                                .formatted(v.firstName(), v.clinicName(), v.link(), v.clinicPhone())
                        : "Hi %s, your form for your appointment at %s is still missing. You can fill it in here: %s Questions? %s"
                                .formatted(v.firstName(), v.clinicName(), v.link(), v.clinicPhone());
            case CHECKLIST_LINK ->
                es
                        ? "Hola %s, antes de su proxima cita en %s, responda unas preguntas breves: %s ¿Preguntas? %s"
                                .formatted(v.firstName(), v.clinicName(), v.link(), v.clinicPhone())
                        : "Hi %s, before your next appointment at %s, please answer a few quick questions: %s Questions? %s"
                                .formatted(v.firstName(), v.clinicName(), v.link(), v.clinicPhone());
            case CHECKLIST_OVERDUE ->
                es
                        ? "Hola %s, aun faltan sus respuestas para su proxima cita en %s: %s ¿Preguntas? %s"
                                .formatted(v.firstName(), v.clinicName(), v.link(), v.clinicPhone())
                        : "Hi %s, we still need your answers for your next appointment at %s: %s Questions? %s"
                                .formatted(v.firstName(), v.clinicName(), v.link(), v.clinicPhone());
            case CRISIS_RESPONSE ->
                es
                        ? "Si usted corre peligro o piensa en hacerse daño, llame o escriba al 988 o llame al 911 ahora. Tambien puede llamar a %s: %s."
                                .formatted(v.clinicName(), v.clinicPhone())
                        : "If you are in danger or thinking of harming yourself, call or text 988 or call 911 now. %s is here for you too: %s."
                                .formatted(v.clinicName(), v.clinicPhone());
            case HELP_RESPONSE ->
                es
                        ? "%s: llame al %s. Responda STOP para no recibir mensajes."
                                .formatted(v.clinicName(), v.clinicPhone())
                        : "%s: call us at %s. Reply STOP to opt out.".formatted(v.clinicName(), v.clinicPhone());
        };
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
