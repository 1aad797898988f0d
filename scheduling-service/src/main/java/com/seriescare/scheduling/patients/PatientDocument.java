package com.seriescare.scheduling.patients;

import com.seriescare.scheduling.outbox.OutboxCollections;
import com.seriescare.servicesupport.outbox.PendingEvent;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How a patient is stored: the patient and its unpublished events, changed together in one document update.
 * The patient's {@code revision} guards against two changes at once.
 */
@Document(OutboxCollections.PATIENTS)
record PatientDocument(@Id String id, Patient patient, List<PendingEvent> outbox) {}
