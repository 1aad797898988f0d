package com.seriescare.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudEventHeadersTest {

    @Test
    void readsTextAndRawByteHeadersAlike() {
        Map<String, Object> headers = Map.of(
                "ce_id",
                "e-1",
                "ce_type",
                "clinic.series.booked.v1".getBytes(StandardCharsets.UTF_8),
                "ce_subject",
                "s-1",
                "ce_actor",
                "frontdesk".getBytes(StandardCharsets.UTF_8));

        CloudEventHeaders read = CloudEventHeaders.read(headers::get);

        assertThat(read.id()).isEqualTo("e-1");
        assertThat(read.type()).isEqualTo("clinic.series.booked.v1");
        assertThat(read.subject()).isEqualTo("s-1");
        assertThat(read.actor()).isEqualTo("frontdesk");
        assertThat(read.source()).isNull();
    }

    @Test
    void readsSpringCloudFunctionsCanonicalPrefixToo() {
        Map<String, Object> headers = Map.of("ce-id", "e-2", "ce-type", "clinic.patient.registered.v1");

        CloudEventHeaders read = CloudEventHeaders.read(headers::get);

        assertThat(read.id()).isEqualTo("e-2");
        assertThat(read.type()).isEqualTo("clinic.patient.registered.v1");
        assertThat(read.actor()).as("not said: older records, other producers").isNull();
    }
}
