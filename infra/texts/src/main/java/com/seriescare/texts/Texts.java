package com.seriescare.texts;

import static com.seriescare.texts.TextVariable.clinic;
import static com.seriescare.texts.TextVariable.clinicPhone;
import static com.seriescare.texts.TextVariable.coachPhone;
import static com.seriescare.texts.TextVariable.code;
import static com.seriescare.texts.TextVariable.dateTime;
import static com.seriescare.texts.TextVariable.firstName;
import static com.seriescare.texts.TextVariable.link;
import static com.seriescare.texts.TextVariable.sessions;
import static com.seriescare.texts.TextVariable.time;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every kind of text and its default words, in English and Spanish. Discreet: an SMS may be read by someone else, so
 * no default names the drug, the treatment or a diagnosis, and the clinic is called by its short name. Spanish is
 * written as Spanish speakers write it; where an accent outside GSM-7 (á, í, ó, ú) forces UCS-2 the text is short
 * enough for it. Every default fits in {@link #DEFAULT_SEGMENT_BUDGET} segments for any name and series (tested).
 */
public final class Texts {

    public static final String ENGLISH = "en";
    public static final String SPANISH = "es";
    public static final List<String> LANGUAGES = List.of(ENGLISH, SPANISH);

    /** A reminder fits in this many SMS segments (DOMAIN.md) unless a clinic sets its own budget. */
    public static final int DEFAULT_SEGMENT_BUDGET = 2;

    /**
     * Words no template may contain unless a clinic sets its own list: what an SMS read over a patient's shoulder
     * must not reveal (the drug, the treatment, a diagnosis). Matched at the start of a word, in any case, so
     * "treatments" is caught too.
     */
    public static final List<String> DEFAULT_DISCRETION_WORDS = List.of(
            "drug",
            "treatment",
            "diagnosis",
            "medication",
            "ketamine",
            "esketamine",
            "spravato",
            "infusion",
            "dose",
            "depression",
            "anxiety",
            "PTSD",
            "psychiatr",
            "therapy",
            "droga",
            "tratamiento",
            "diagnóstico",
            "medicamento",
            "ketamina",
            "infusión",
            "dosis",
            "depresión",
            "ansiedad",
            "terapia");

    private static final List<TextVariable> PATIENT = List.of(firstName, clinic, clinicPhone);

    private static final Map<String, TextDefinition> ALL = new LinkedHashMap<>();

    static {
        add(
                "booking_confirmation",
                "Booking confirmation (right after booking)",
                List.of(sessions),
                List.of(sessions),
                List.of("STOP"),
                "Hi {firstName}, your appointments at {clinic} are booked: {sessions}. Questions? {clinicPhone}. Reply STOP to opt out.",
                "Hola {firstName}, sus citas en {clinic} quedaron reservadas: {sessions}. ¿Preguntas? {clinicPhone}. Responda STOP para no recibir mensajes.");
        add(
                "prep_tips",
                "Preparation tips (the evening before)",
                List.of(time),
                List.of(time),
                List.of(),
                "Hi {firstName}, your appointment at {clinic} is tomorrow at {time}. Eat light a few hours before, drink plenty of water, and arrange a ride home. {clinicPhone}",
                "Hola {firstName}, su cita en {clinic} es mañana a las {time}. Coma algo ligero unas horas antes, beba agua y organice quién le lleve a casa. {clinicPhone}");
        add(
                "prep_tips_and_confirm",
                "Preparation tips with the confirmation (the evening before an early session)",
                List.of(time),
                List.of(time),
                List.of(),
                "Hi {firstName}, your appointment at {clinic} is tomorrow at {time}. Eat light a few hours before, drink plenty of water, and arrange a ride home. Reply C to confirm. {clinicPhone}",
                "Hola {firstName}, su cita en {clinic} es mañana a las {time}. Coma ligero antes, beba agua y organice su regreso a casa con alguien. Responda C para confirmar. {clinicPhone}");
        add(
                "day_of_reminder",
                "Day-of reminder (a few hours before)",
                List.of(time),
                List.of(time),
                List.of(),
                "Hi {firstName}, see you today at {time} at {clinic}. Remember your ride home. Reply C to confirm. {clinicPhone}",
                "Hola {firstName}, le esperamos hoy a las {time} en {clinic}. Recuerde: alguien debe llevarle a casa. Responda C para confirmar. {clinicPhone}");
        add(
                "post_session",
                "After the session",
                List.of(),
                List.of(),
                List.of("988"),
                "Thank you for coming today, {firstName}. Rest, keep the day calm, journal what came up, and do not drive today. If you feel unsafe, call or text 988.",
                "Gracias por venir hoy, {firstName}. Descanse, escriba lo que surja y no maneje hoy. Si no se siente a salvo, llame o escriba al 988.");
        add(
                "next_day_check_in",
                "Next-day check-in (how are you feeling, 1 to 5)",
                List.of(),
                List.of(),
                List.of(),
                "Hi {firstName}, how are you feeling today? Reply with a number from 1 (very low) to 5 (very good). {clinic}",
                "Hola {firstName}, ¿cómo se siente hoy? Responda con un número del 1 (muy mal) al 5 (muy bien). {clinic}");
        add(
                "mid_series_note",
                "Mid-series note (after sessions 2 to 4)",
                List.of(coachPhone),
                List.of(),
                List.of(),
                "{firstName}, around this point strong feelings such as grief or anger can come up. That is expected and part of the process. Your integration coach: {coachPhone}. {clinic}",
                "{firstName}, en esta etapa pueden surgir emociones fuertes, como tristeza o enojo. Es normal y parte del proceso. Su coach de apoyo: {coachPhone}. {clinic}");
        add(
                "end_of_series",
                "End of the series",
                List.of(),
                List.of(),
                List.of(),
                "{firstName}, you have completed your series at {clinic}. Keep up your integration work and plan your next steps with your care team: {clinicPhone}.",
                "{firstName}, terminó su serie en {clinic}. Siga con su integración; para lo que sigue, llámenos: {clinicPhone}.");
        add(
                "session_moved",
                "Session moved",
                List.of(dateTime),
                List.of(dateTime),
                List.of(),
                "Hi {firstName}, your appointment at {clinic} has moved to {dateTime}. Questions? {clinicPhone}",
                "Hola {firstName}, su cita en {clinic} cambió a: {dateTime}. ¿Preguntas? {clinicPhone}");
        add(
                "session_cancelled",
                "Session cancelled",
                List.of(dateTime),
                List.of(dateTime),
                List.of(),
                "Hi {firstName}, your appointment at {clinic} on {dateTime} is cancelled. Questions? {clinicPhone}",
                "Hola {firstName}, su cita en {clinic} del {dateTime} fue cancelada. ¿Preguntas? {clinicPhone}");
        add(
                "intake_link",
                "Intake form link",
                List.of(link),
                List.of(link),
                List.of(),
                "Hi {firstName}, before your first appointment at {clinic}, please fill in this form: {link} Questions? {clinicPhone}",
                "Hola {firstName}, antes de su primera cita en {clinic}, complete este formulario: {link} ¿Preguntas? {clinicPhone}");
        add(
                "intake_overdue",
                "Intake form overdue",
                List.of(link),
                List.of(link),
                List.of(),
                "Hi {firstName}, your form for your appointment at {clinic} is still missing. You can fill it in here: {link} Questions? {clinicPhone}",
                "Hola {firstName}, su formulario para su cita en {clinic} sigue pendiente. Puede llenarlo en: {link} ¿Preguntas? {clinicPhone}");
        add(
                "checklist_link",
                "Pre-visit checklist link",
                List.of(link),
                List.of(link),
                List.of(),
                "Hi {firstName}, before your next appointment at {clinic}, please answer a few quick questions: {link} Questions? {clinicPhone}",
                "Hola {firstName}, antes de su siguiente cita en {clinic}, responda unas preguntas breves: {link} ¿Preguntas? {clinicPhone}");
        add(
                "checklist_overdue",
                "Pre-visit checklist overdue",
                List.of(link),
                List.of(link),
                List.of(),
                "Hi {firstName}, we still need your answers for your next appointment at {clinic}: {link} Questions? {clinicPhone}",
                "Hola {firstName}, sus respuestas para su siguiente cita en {clinic} siguen pendientes: {link} ¿Preguntas? {clinicPhone}");
        add(
                "crisis_response",
                "Answer to crisis language (at once, any hour)",
                List.of(),
                List.of(clinicPhone),
                List.of("988", "911"),
                "If you are in danger or thinking of harming yourself, call or text 988 or call 911 now. {clinic} is here for you too: {clinicPhone}.",
                "Si usted corre peligro o piensa en hacerse daño, llame o escriba al 988 o llame al 911 ahora. También puede llamar a {clinic}: {clinicPhone}.");
        add(
                "help_response",
                "Answer to HELP",
                List.of(),
                List.of(clinicPhone),
                List.of("STOP"),
                "{clinic}: call us at {clinicPhone}. Reply STOP to opt out.",
                "{clinic}: llame al {clinicPhone}. Responda STOP para no recibir mensajes.");
        // to a clinician's phone, whose lock screen anyone may see: not a clinic's to reword
        ALL.put(
                "on_call_page",
                new TextDefinition(
                        "on_call_page",
                        "Page to the on-call clinician",
                        List.of(clinic, code, link),
                        List.of(code, link),
                        List.of(),
                        false,
                        Map.of(
                                ENGLISH,
                                "{clinic}: urgent care alert {code}. Open {link} and reply ACK {code} when you have it.")));
    }

    private Texts() {}

    private static void add(
            String kind,
            String label,
            List<TextVariable> own,
            List<TextVariable> required,
            List<String> mustSay,
            String english,
            String spanish) {
        var variables = new java.util.ArrayList<>(PATIENT);
        variables.addAll(own);
        ALL.put(
                kind,
                new TextDefinition(
                        kind, label, variables, required, mustSay, true, Map.of(ENGLISH, english, SPANISH, spanish)));
    }

    /** Every kind of text, in the order a series meets them. */
    public static List<TextDefinition> all() {
        return List.copyOf(ALL.values());
    }

    /** A kind as in the timeline ({@code booking_confirmation}); any case. */
    public static Optional<TextDefinition> definition(String kind) {
        return kind == null ? Optional.empty() : Optional.ofNullable(ALL.get(kind.toLowerCase(java.util.Locale.ROOT)));
    }

    public static TextDefinition of(String kind) {
        return definition(kind).orElseThrow(() -> new IllegalArgumentException("no such text: " + kind));
    }
}
