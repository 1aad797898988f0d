package com.seriescare.scheduling.patients;

import org.springframework.data.mongodb.repository.MongoRepository;

interface PatientDocuments extends MongoRepository<PatientDocument, String> {}
