package com.seriescare.contracts;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns event payloads into the JSON body of a CloudEvent and back. Reading validates against the type's JSON
 * Schema first, so a consumer never acts on a half-understood event. Thread-safe; build one and share it.
 */
public final class EventCodec {

    private final JsonMapper json = JsonMapper.builder()
            // producers may add fields (changes are additive); consumers ignore what they do not know
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Map<EventType, Schema> schemas = new EnumMap<>(EventType.class);

    public EventCodec() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true)
                        .build()));
        for (EventType type : EventType.values()) {
            try (InputStream in = EventCodec.class.getResourceAsStream(type.schemaResource())) {
                if (in == null) {
                    throw new IllegalStateException("No JSON Schema on the classpath for " + type.ceType());
                }
                schemas.put(type, registry.getSchema(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public byte[] encode(ClinicEvent event) {
        return json.writeValueAsBytes(event);
    }

    /** The schema violations of a JSON body for the given type; empty when it is valid. */
    public List<String> violations(EventType type, byte[] body) {
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JacksonException e) {
            return List.of("body is not JSON (" + e.getOriginalMessage() + ")");
        }
        return schemas.get(type).validate(node).stream()
                .map(error -> error.getInstanceLocation() + ": " + error.getMessage())
                .toList();
    }

    /**
     * Reads a CloudEvent's body as the payload of its {@code ce_type}.
     *
     * @throws MalformedEventException when the type is unknown or the body does not follow its schema
     */
    public ClinicEvent decode(String ceType, byte[] body) {
        EventType type = EventType.ofCeType(ceType)
                .orElseThrow(() -> new MalformedEventException("Unknown event type '" + ceType + "'", List.of()));
        List<String> violations = violations(type, body);
        if (!violations.isEmpty()) {
            throw new MalformedEventException("Invalid " + ceType, violations);
        }
        try {
            return json.readValue(body, type.payloadType());
        } catch (JacksonException e) {
            throw new MalformedEventException("Unreadable " + ceType, List.of(e.getOriginalMessage()));
        }
    }
}
