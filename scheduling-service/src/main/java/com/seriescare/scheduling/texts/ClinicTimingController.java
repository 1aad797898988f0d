package com.seriescare.scheduling.texts;

import com.seriescare.servicesupport.security.CurrentUser;
import com.seriescare.texts.TextTiming;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A clinic admin's timing of texts ({@code CLINIC_ADMIN} of the clinic): the evening-before time, the day-of offset,
 * the aftercare delay, the next-day, mid-series and end-of-series times, and the quiet hours; 422 with each refused
 * field; every change a version with who and when; {@code DELETE} goes back to the default. Texts planned after a
 * change follow it.
 */
@RestController
@RequestMapping("/api/clinics/{clinicId}/timing")
class ClinicTimingController {

    /** Times as {@code HH:mm}, offsets as ISO-8601 durations ({@code PT3H}). */
    record InForce(
            TextTiming timing, boolean custom, long version, String changedBy, Instant changedAt, TextTiming defaults) {

        static InForce of(ClinicTexts.TimingInForce t) {
            var v = t.version();
            return new InForce(
                    t.timing(),
                    t.custom(),
                    v == null ? 0 : v.version(),
                    v == null ? null : v.changedBy(),
                    v == null ? null : v.changedAt(),
                    t.defaults());
        }
    }

    record Version(long version, TextTiming timing, boolean isDefault, String changedBy, Instant changedAt) {}

    private final ClinicTexts texts;
    private final CurrentUser user;

    ClinicTimingController(ClinicTexts texts, CurrentUser user) {
        this.texts = texts;
        this.user = user;
    }

    @GetMapping
    InForce get(@PathVariable String clinicId) {
        ownClinic(clinicId);
        return InForce.of(texts.timing(clinicId));
    }

    @PutMapping
    InForce save(@PathVariable String clinicId, @RequestBody TextTiming timing) {
        ownClinic(clinicId);
        return InForce.of(texts.saveTiming(clinicId, timing));
    }

    @DeleteMapping
    InForce revert(@PathVariable String clinicId) {
        ownClinic(clinicId);
        return InForce.of(texts.revertTiming(clinicId));
    }

    @GetMapping("/versions")
    List<Version> versions(@PathVariable String clinicId) {
        ownClinic(clinicId);
        return texts.timingHistory(clinicId).stream()
                .map(v -> new Version(v.version(), v.timing(), v.isDefault(), v.changedBy(), v.changedAt()))
                .toList();
    }

    private void ownClinic(String clinicId) {
        OtherClinic.refuseUnless(user, clinicId);
    }
}
