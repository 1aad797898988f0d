package com.seriescare.intake.forms;

/**
 * The answers of a pre-visit checklist.
 *
 * @param driverName who drives the patient home, when {@code rideHome} is {@link RideHome#DRIVER}
 * @param driverPhone the driver's phone, E.164
 * @param medicationChanges what changed, when {@code medicationChanged}
 * @param interest PHQ-2 item 1, "little interest or pleasure in doing things", 0 (not at all) to 3 (nearly every day)
 * @param mood PHQ-2 item 2, "feeling down, depressed, or hopeless", 0 to 3
 * @param safety PHQ-9 item 9, "thoughts that you would be better off dead, or of hurting yourself", 0 to 3
 */
public record ChecklistAnswers(
        RideHome rideHome,
        String driverName,
        String driverPhone,
        boolean lightMeal,
        boolean hydrate,
        boolean medicationChanged,
        String medicationChanges,
        int interest,
        int mood,
        int safety) {

    /** How the patient gets home: nobody may drive themselves on the day of a session. */
    public enum RideHome {
        DRIVER,
        CLINIC,
        NOT_YET
    }

    public boolean rideHomeConfirmed() {
        return rideHome == RideHome.DRIVER || rideHome == RideHome.CLINIC;
    }
}
