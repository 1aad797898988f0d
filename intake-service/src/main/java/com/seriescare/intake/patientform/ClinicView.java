package com.seriescare.intake.patientform;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.seriescare.intake.clinics.Clinic;

/** What a form page shows of the clinic: its short name, and its phone as people write it and as a tel: link. */
record ClinicView(String shortName, String phoneDisplay, String phoneTel) {

    static ClinicView of(Clinic clinic) {
        if (clinic.phone() == null) {
            return new ClinicView(clinic.shortName(), "", null);
        }
        var phones = PhoneNumberUtil.getInstance();
        String display = clinic.phone();
        try {
            display = phones.format(
                    phones.parse(clinic.phone(), clinic.phoneRegion()), PhoneNumberUtil.PhoneNumberFormat.NATIONAL);
        } catch (NumberParseException keepAsConfigured) {
            // shown as configured
        }
        return new ClinicView(clinic.shortName(), display, clinic.phone());
    }

    /** For a link that opens nothing: no clinic can be named. */
    static ClinicView unknown() {
        return new ClinicView("", "", null);
    }
}
