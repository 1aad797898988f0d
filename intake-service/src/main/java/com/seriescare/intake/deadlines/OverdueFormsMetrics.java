package com.seriescare.intake.deadlines;

import com.seriescare.intake.forms.FormKind;
import com.seriescare.intake.store.PatientForms;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Forms past their deadline and not filled in, by kind ({@code seriescare_forms_overdue}), read at each scrape: a
 * count that keeps growing says patients are not getting or not opening their links.
 */
@Component
class OverdueFormsMetrics {

    OverdueFormsMetrics(MeterRegistry registry, PatientForms forms) {
        for (FormKind kind : FormKind.values()) {
            Gauge.builder("seriescare.forms.overdue", () -> forms.overdueCount(kind))
                    .tag("kind", kind.code())
                    .description("Forms past their deadline and not filled in")
                    .register(registry);
        }
    }
}
