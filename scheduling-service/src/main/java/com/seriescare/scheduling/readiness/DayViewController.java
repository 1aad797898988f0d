package com.seriescare.scheduling.readiness;

import com.seriescare.scheduling.readiness.DayViews.DayView;
import com.seriescare.servicesupport.security.CurrentUser;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The clinic's sessions of one local day, each with what is known about the patient's readiness. */
@RestController
class DayViewController {

    private final DayViews days;
    private final CurrentUser user;

    DayViewController(DayViews days, CurrentUser user) {
        this.days = days;
        this.user = user;
    }

    @GetMapping("/api/sessions")
    DayView day(@RequestParam LocalDate date) {
        return days.day(user.clinicId(), date);
    }
}
