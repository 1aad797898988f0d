package com.seriescare.testsupport;

import com.seriescare.contracts.clinic.ClinicSettingsPublished;
import java.time.Instant;
import java.util.List;

/**
 * The two clinics of the tests, as scheduling-service publishes them: Front Range texts from the deployment's default
 * sender, West Slope from a number of its own.
 */
public final class TestClinics {

    public static final String WEST_SLOPE_SMS_NUMBER = "+19705550199";

    public static ClinicSettingsPublished frontRange() {
        return new ClinicSettingsPublished(
                "front-range",
                1,
                "Front Range Wellness Clinic",
                "Front Range Clinic",
                "America/Denver",
                "+13035550100",
                "US",
                "1200 Pearl St, Boulder, CO 80302",
                new ClinicSettingsPublished.Texting(null, null, null, "21:00", "08:00", null),
                List.of(
                        new ClinicSettingsPublished.OnCallClinician("Dr. Ito", "+13035550111"),
                        new ClinicSettingsPublished.OnCallClinician("Dr. Ames", "+13035550112")),
                new ClinicSettingsPublished.Forms("PT72H", "PT24H"),
                List.of(),
                null,
                Instant.parse("2026-10-01T00:00:00Z"));
    }

    public static ClinicSettingsPublished westSlope() {
        return new ClinicSettingsPublished(
                "west-slope",
                1,
                "West Slope Wellness Clinic",
                "West Slope Clinic",
                "America/Denver",
                "+19705550100",
                "US",
                "400 Main St, Grand Junction, CO 81501",
                new ClinicSettingsPublished.Texting(WEST_SLOPE_SMS_NUMBER, null, null, "21:00", "08:00", null),
                List.of(new ClinicSettingsPublished.OnCallClinician("Dr. Reyes", "+19705550111")),
                new ClinicSettingsPublished.Forms("PT48H", "PT12H"),
                List.of(),
                null,
                Instant.parse("2026-10-01T00:00:00Z"));
    }

    /** The clinic's settings as republished under another short name (the name its texts sign with). */
    public static ClinicSettingsPublished renamed(ClinicSettingsPublished s, long version, String shortName) {
        return new ClinicSettingsPublished(
                s.clinicId(),
                version,
                s.name(),
                shortName,
                s.timeZone(),
                s.phone(),
                s.phoneRegion(),
                s.address(),
                s.texting(),
                s.onCall(),
                s.forms(),
                s.texts(),
                s.timing(),
                s.publishedAt());
    }

    private TestClinics() {}
}
