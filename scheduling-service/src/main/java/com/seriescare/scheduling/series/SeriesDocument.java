package com.seriescare.scheduling.series;

import com.seriescare.scheduling.outbox.OutboxCollections;
import com.seriescare.servicesupport.outbox.PendingEvent;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How a series is stored: the series and its unpublished events, changed together in one document update.
 * {@code version} guards against two changes of the same series at once.
 */
@Document(OutboxCollections.SERIES)
record SeriesDocument(@Id String id, Series series, List<PendingEvent> outbox, long version) {}
