package com.seriescare.scheduling.series;

import org.springframework.data.mongodb.repository.MongoRepository;

interface SeriesDocuments extends MongoRepository<SeriesDocument, String> {}
