package com.seriescare.intake.clinics;

import java.time.Duration;

/**
 * What intake-service knows of a clinic, from the settings scheduling-service publishes: what a patient sees on the
 * form, and when forms are due (elapsed time before the session, so 24 hours is 24 hours across a clock change too).
 *
 * @param phone the number patients call, E.164; null when the clinic is not known yet
 * @param phoneRegion where patients write national numbers, e.g. {@code US}
 */
public record Clinic(
        String id,
        String shortName,
        String phone,
        String phoneRegion,
        Duration intakeDueBefore,
        Duration checklistDueBefore) {}
