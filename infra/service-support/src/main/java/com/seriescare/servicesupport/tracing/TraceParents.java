package com.seriescare.servicesupport.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The W3C trace context of work that is stored now and done later: an outbox entry published by the relay, a text
 * planned now and handed to Twilio when it is due. The context active when the work was stored is kept with it as a
 * {@code traceparent}; whoever does the work later continues that trace, so one booking is one trace from the front
 * desk's request through the three services to the Twilio call, across the store and the topics.
 */
public final class TraceParents {

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceParents(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** Traces are off (no tracer): the work is done as it is, and nothing is kept. */
    public static TraceParents none() {
        return new TraceParents(Tracer.NOOP, Propagator.NOOP);
    }

    /** The {@code traceparent} of the span active on this thread, to keep with stored work; null when none. */
    public String current() {
        Span span = tracer.currentSpan();
        if (span == null || span.isNoop()) {
            return null;
        }
        var context = span.context();
        return "00-" + context.traceId() + "-" + context.spanId() + "-"
                + (Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
    }

    /**
     * Does stored work in a span named {@code name} that continues the trace it was stored in ({@code traceparent};
     * null: a new trace), current while the work runs so that what it sends or stores carries the trace on.
     */
    public <T> T continuing(String traceparent, String name, Supplier<T> work) {
        Span span = traceparent == null
                ? tracer.nextSpan().name(name)
                : propagator
                        .extract(Map.of("traceparent", traceparent), Map::get)
                        .name(name)
                        .start();
        if (traceparent == null) {
            span.start();
        }
        try (var scope = tracer.withSpan(span)) {
            return work.get();
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    public void continuing(String traceparent, String name, Runnable work) {
        continuing(traceparent, name, () -> {
            work.run();
            return null;
        });
    }
}
