package com.seriescare.scheduling.patients;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.seriescare.contracts.ClinicEvent;
import com.seriescare.scheduling.clinic.Clinics;
import com.seriescare.scheduling.shared.ConcurrentChange;
import com.seriescare.scheduling.shared.NotFound;
import com.seriescare.scheduling.shared.StaleRevision;
import com.seriescare.servicesupport.outbox.Outbox;
import com.seriescare.servicesupport.security.CurrentUser;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The patients of the calling user's clinic. A patient of another clinic is treated as not existing, so ids cannot
 * be probed across clinics. Each change is one atomic document update: new state, its event, revision checked.
 */
@Service
public class Patients {

    private static final int SEARCH_LIMIT = 50;

    private final PatientDocuments documents;
    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final Clinics clinics;
    private final CurrentUser user;
    private final Clock clock;

    Patients(
            PatientDocuments documents,
            MongoTemplate mongo,
            Outbox outbox,
            Clinics clinics,
            CurrentUser user,
            Clock clock) {
        this.documents = documents;
        this.mongo = mongo;
        // the front desk finds a clinic's patients by phone; a reply is matched by it
        mongo.indexOps(PatientDocument.class)
                .createIndex(new org.springframework.data.mongodb.core.index.Index(
                                "patient.clinicId", org.springframework.data.domain.Sort.Direction.ASC)
                        .on("patient.mobilePhone", org.springframework.data.domain.Sort.Direction.ASC));
        this.outbox = outbox;
        this.clinics = clinics;
        this.user = user;
        this.clock = clock;
    }

    public Patient register(PatientRegistration.Contact contact, boolean consentGranted, String consentSource) {
        var clinic = clinics.get(user.clinicId());
        var registered = PatientRegistration.register(
                contact, consentGranted, consentSource, clinic, user.username(), clock.instant());
        var patient = registered.patient();
        documents.insert(new PatientDocument(patient.id(), patient, outbox.entriesFor(List.of(registered.event()))));
        return patient;
    }

    /** @param expectedRevision the revision the caller read (its {@code If-Match}), if it named one */
    Patient changeContact(
            String patientId, PatientRegistration.Contact contact, java.util.OptionalLong expectedRevision) {
        PatientDocument document = loadAt(patientId, expectedRevision);
        var changed = PatientRegistration.changeContact(
                document.patient(), contact, clinics.get(document.patient().clinicId()), clock.instant());
        return save(document, changed.patient(), changed.event());
    }

    public Patient changeConsent(String patientId, boolean granted, String source) {
        return changeConsent(patientId, granted, source, java.util.OptionalLong.empty());
    }

    /** @param expectedRevision the revision the caller read (its {@code If-Match}), if it named one */
    public Patient changeConsent(
            String patientId, boolean granted, String source, java.util.OptionalLong expectedRevision) {
        PatientDocument document = loadAt(patientId, expectedRevision);
        var changed = PatientRegistration.changeConsent(
                document.patient(), granted, source, user.username(), clock.instant());
        return save(document, changed.patient(), changed.event());
    }

    /**
     * Records consent the patient gave or withdrew by text (STOP / START), as notification-service reported it. No
     * front-desk user is involved. A redelivered report changes nothing.
     */
    public void recordConsentFromPatient(String patientId, boolean granted, java.time.Instant at) {
        documents.findById(patientId).ifPresent(document -> {
            Patient.SmsConsent current = document.patient().smsConsent();
            if (current.granted() == granted
                    && "sms-reply".equals(current.source())
                    && current.recordedAt().equals(at)) {
                return;
            }
            var changed = PatientRegistration.changeConsent(document.patient(), granted, "sms-reply", "patient", at);
            save(document, changed.patient(), changed.event());
        });
    }

    /** Patients whose name contains the text, or whose mobile phone is the number typed (in any format). */
    public List<Patient> search(String text) {
        Criteria clinic = where("patient.clinicId").is(user.clinicId());
        var clinicPhone = clinics.get(user.clinicId()).phone();
        var phone = MobilePhone.parse(text, MobilePhone.regionOf(clinicPhone)).e164();
        Criteria match =
                phone.isPresent() && text.chars().filter(Character::isDigit).count() >= 7
                        ? where("patient.mobilePhone").is(phone.get())
                        : new Criteria()
                                .orOperator(
                                        where("patient.firstName").regex(literal(text.strip()), "i"),
                                        where("patient.lastName").regex(literal(text.strip()), "i"));
        return mongo
                .find(
                        query(new Criteria().andOperator(clinic, match))
                                .with(Sort.by("patient.lastName", "patient.firstName"))
                                .limit(SEARCH_LIMIT),
                        PatientDocument.class)
                .stream()
                .map(PatientDocument::patient)
                .toList();
    }

    /**
     * A regular expression matching the text literally. Each character that is not a letter, digit or space is
     * escaped with a backslash, which every regex dialect reads the same way; {@code Pattern.quote}'s
     * {@code \Q...\E} is refused by the local store's H2 backend (docs/store-queries.md).
     */
    static String literal(String text) {
        StringBuilder pattern = new StringBuilder(text.length() * 2);
        text.codePoints().forEach(c -> {
            if (!Character.isLetterOrDigit(c) && c != ' ') {
                pattern.append('\\');
            }
            pattern.appendCodePoint(c);
        });
        return pattern.toString();
    }

    /** Other patients of the same clinic with the same mobile phone (allowed: families share phones). */
    public List<Patient> sharingPhoneWith(Patient patient) {
        return mongo
                .find(
                        query(where("patient.clinicId")
                                .is(patient.clinicId())
                                .and("patient.mobilePhone")
                                .is(patient.mobilePhone())
                                .and("_id")
                                .ne(patient.id())),
                        PatientDocument.class)
                .stream()
                .map(PatientDocument::patient)
                .toList();
    }

    /** The clinic of a patient, for consumers of events that name only the patient. */
    public Optional<String> clinicOf(String patientId) {
        return documents.findById(patientId).map(document -> document.patient().clinicId());
    }

    /** A patient of the caller's clinic, if there is one with that id. */
    public Optional<Patient> find(String patientId) {
        return findDocument(patientId).map(PatientDocument::patient);
    }

    public Patient get(String patientId) {
        return load(patientId).patient();
    }

    /**
     * The patient as the caller last read it: a different current revision refuses the change (412) before anything
     * is decided; the save itself then holds only if nobody changed the patient in between (409).
     */
    private PatientDocument loadAt(String patientId, java.util.OptionalLong expectedRevision) {
        PatientDocument document = load(patientId);
        long current = document.patient().revision();
        if (expectedRevision.isPresent() && expectedRevision.getAsLong() != current) {
            throw new StaleRevision("Patient", patientId, expectedRevision.getAsLong(), current);
        }
        return document;
    }

    private PatientDocument load(String patientId) {
        return findDocument(patientId).orElseThrow(() -> new NotFound("Patient", patientId));
    }

    private Optional<PatientDocument> findDocument(String patientId) {
        String clinicId = user.clinicId();
        return documents
                .findById(patientId)
                .filter(document -> document.patient().clinicId().equals(clinicId));
    }

    /** The stored revision that means "unchanged since read"; patients saved before revisions existed have none. */
    private static List<Long> revisionsMatching(Patient patient) {
        return patient.revision() == 0 ? java.util.Arrays.asList(0L, null) : List.of(patient.revision());
    }

    private Patient save(PatientDocument document, Patient changed, ClinicEvent event) {
        var update = new Update()
                .set("patient", changed)
                .push("outbox")
                .each(outbox.entriesFor(List.of(event)).toArray());
        var result = mongo.updateFirst(
                query(where("_id").is(document.id()).and("patient.revision").in(revisionsMatching(document.patient()))),
                update,
                PatientDocument.class);
        if (result.getModifiedCount() != 1) {
            throw new ConcurrentChange("Patient", document.id());
        }
        return changed;
    }
}
