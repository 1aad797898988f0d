package com.seriescare.scheduling.history;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PatientHistoryController {

    private final PatientHistory history;

    PatientHistoryController(PatientHistory history) {
        this.history = history;
    }

    /** Who did what to the patient's record, newest first: a user name, {@code patient} or {@code system}. */
    @GetMapping("/api/patients/{id}/history")
    List<PatientHistory.Line> history(@PathVariable String id) {
        return history.of(id);
    }
}
