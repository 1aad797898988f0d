package com.seriescare.scheduling.clinic;

import java.time.ZoneId;

/**
 * The clinic this instance serves.
 *
 * @param shortName the name used in texts; says nothing about the treatment
 * @param timeZone where the clinic is: front-desk local times are read in this zone
 * @param sessionMinutes chair time of one session, treatment plus recovery
 */
public record Clinic(String id, String name, String shortName, ZoneId timeZone, String phone, int sessionMinutes) {}
