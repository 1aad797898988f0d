package com.seriescare.intake.patientform;

import static org.assertj.core.api.Assertions.assertThat;

import com.seriescare.servicesupport.throttle.InstanceBuckets;
import org.junit.jupiter.api.Test;

class FormThrottlesTest {

    @Test
    void aFloodFromOneAddressDoesNotSpendTheFormsAllowance() {
        var throttles = new FormThrottles(new InstanceBuckets(), 20, 3, 2);

        assertThat(throttles.maySend("form-1", "10.0.0.1")).isTrue();
        assertThat(throttles.maySend("form-1", "10.0.0.1")).isTrue();
        // the address has used its allowance: refused, and the form's own allowance is left as it was
        for (int i = 0; i < 10; i++) {
            assertThat(throttles.maySend("form-1", "10.0.0.1")).isFalse();
        }

        assertThat(throttles.maySend("form-1", "10.0.0.2")).isTrue();
    }

    @Test
    void aFormThatHasUsedItsAllowanceDoesNotSpendTheAddresss() {
        var throttles = new FormThrottles(new InstanceBuckets(), 20, 1, 2);

        assertThat(throttles.maySend("form-1", "10.0.0.1")).isTrue();
        assertThat(throttles.maySend("form-1", "10.0.0.1")).isFalse();

        assertThat(throttles.maySend("form-2", "10.0.0.1")).isTrue();
    }
}
