package com.seriescare.intake.forms;

import com.seriescare.intake.forms.ChecklistAnswers.RideHome;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns the fields of a submitted form into answers, or into a problem per field. */
public final class Questions {

    private Questions() {}

    /** @param phoneRegion ISO 3166 region for phone numbers written without a country code, e.g. {@code US} */
    public static Submission<ChecklistAnswers> checklist(Map<String, List<String>> fields, String phoneRegion) {
        var in = new SubmittedFields(fields, phoneRegion);
        List<String> rideChoices = Arrays.stream(RideHome.values())
                .map(r -> r.name().toLowerCase(Locale.ROOT))
                .toList();
        String ride = in.oneOf("rideHome", rideChoices);
        RideHome rideHome = ride == null ? null : RideHome.valueOf(ride.toUpperCase(Locale.ROOT));
        boolean driver = rideHome == RideHome.DRIVER;
        String driverName = in.text("driverName", driver, SubmittedFields.MAX_SHORT_TEXT);
        String driverPhone = in.phone("driverPhone", driver);
        boolean lightMeal = in.yesNo("lightMeal");
        boolean hydrate = in.yesNo("hydrate");
        boolean medicationChanged = in.yesNo("medicationChanged");
        String medicationChanges = in.text("medicationChanges", medicationChanged, SubmittedFields.MAX_TEXT);
        int interest = in.frequency("interest");
        int mood = in.frequency("mood");
        int safety = in.frequency("safety");
        var answers = new ChecklistAnswers(
                rideHome,
                driver ? driverName : "",
                driver ? driverPhone : "",
                lightMeal,
                hydrate,
                medicationChanged,
                medicationChanged ? medicationChanges : "",
                interest,
                mood,
                safety);
        return new Submission<>(in.errors().isEmpty() ? answers : null, in.errors());
    }

    public static Submission<IntakeAnswers> intake(Map<String, List<String>> fields, String phoneRegion) {
        var in = new SubmittedFields(fields, phoneRegion);
        var answers = new IntakeAnswers(
                in.text("mentalHealthHistory", true, SubmittedFields.MAX_TEXT),
                in.someOf("medications", IntakeAnswers.MEDICATION_LIST),
                in.text("otherMedications", false, SubmittedFields.MAX_TEXT),
                in.oneOf("alcohol", IntakeAnswers.ALCOHOL_FREQUENCIES),
                in.text("otherSubstances", false, SubmittedFields.MAX_TEXT),
                in.yesNo("highBloodPressure"),
                in.yesNo("heartCondition"),
                in.yesNo("pregnancy"),
                in.yesNo("psychosisHistory"),
                in.text("allergies", true, SubmittedFields.MAX_TEXT),
                in.text("emergencyContactName", true, SubmittedFields.MAX_SHORT_TEXT),
                in.phone("emergencyContactPhone", true),
                in.text("goals", false, SubmittedFields.MAX_TEXT),
                in.frequency("safety"));
        return new Submission<>(in.errors().isEmpty() ? answers : null, in.errors());
    }
}
