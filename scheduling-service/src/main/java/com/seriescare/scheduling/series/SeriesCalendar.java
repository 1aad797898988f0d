package com.seriescare.scheduling.series;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Read-only look-ups of a clinic's sessions, for views such as the day's readiness. */
@Component
public class SeriesCalendar {

    private final MongoTemplate mongo;

    SeriesCalendar(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The clinic's series with at least one session starting in [from, to). */
    public List<Series> withSessionsStartingBetween(String clinicId, Instant from, Instant to) {
        return mongo
                .find(
                        query(where("series.clinicId")
                                .is(clinicId)
                                .and("series.sessions")
                                .elemMatch(where("start").gte(from).lt(to))),
                        SeriesDocument.class)
                .stream()
                .map(SeriesDocument::series)
                .toList();
    }
}
