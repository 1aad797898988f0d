package com.seriescare.scheduling.series;

import com.seriescare.scheduling.clinic.Clinic;
import com.seriescare.scheduling.outbox.Outbox;
import com.seriescare.scheduling.patients.Patients;
import com.seriescare.scheduling.shared.InvalidInput;
import com.seriescare.scheduling.shared.NotFound;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.stereotype.Service;

/** The clinic's booked series. */
@Service
class SeriesCatalog {

    private final SeriesDocuments documents;
    private final Patients patients;
    private final Outbox outbox;
    private final Clinic clinic;
    private final Clock clock;

    SeriesCatalog(SeriesDocuments documents, Patients patients, Outbox outbox, Clinic clinic, Clock clock) {
        this.documents = documents;
        this.patients = patients;
        this.outbox = outbox;
        this.clinic = clinic;
        this.clock = clock;
    }

    Series book(String patientId, List<LocalDateTime> localStarts) {
        if (patients.find(patientId).isEmpty()) {
            throw new InvalidInput("patientId", "no patient '" + patientId + "' at this clinic");
        }
        var booked = SeriesBooking.book(patientId, localStarts, clinic, clock.instant());
        var series = booked.series();
        documents.insert(new SeriesDocument(series.id(), series, outbox.entriesFor(booked.events())));
        return series;
    }

    Series get(String seriesId) {
        return documents
                .findById(seriesId)
                .map(SeriesDocument::series)
                .filter(series -> series.clinicId().equals(clinic.id()))
                .orElseThrow(() -> new NotFound("Series", seriesId));
    }
}
