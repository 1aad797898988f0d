package com.seriescare.servicesupport.deadletters;

import com.seriescare.servicesupport.deadletters.DeadLetters.DeadLetter;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's view of this service's dead-letter topics (role {@code OPERATOR}): list them, and send one back to
 * the topic it came from once its cause is fixed.
 */
@RestController
@RequestMapping("/api/operations/dead-letters")
public class DeadLetterController {

    private final DeadLetters deadLetters;

    public DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** The dead-letter topics this service writes to, and every record in them. */
    @GetMapping
    Listing list() {
        return new Listing(deadLetters.topics(), deadLetters.list());
    }

    record Listing(List<String> topics, List<DeadLetter> records) {}

    @PostMapping("/{topic}/{partition}/{offset}/redrive")
    ResponseEntity<?> redrive(
            @PathVariable String topic, @PathVariable int partition, @PathVariable long offset, Principal operator) {
        return deadLetters
                .redrive(topic, partition, offset, operator.getName())
                .<ResponseEntity<?>>map(sent -> ResponseEntity.accepted().body(sent))
                .orElseGet(() -> {
                    var problem = ProblemDetail.forStatusAndDetail(
                            HttpStatus.NOT_FOUND,
                            "No record at " + topic + " partition " + partition + " offset " + offset
                                    + " among this service's dead-letter topics " + deadLetters.topics());
                    problem.setTitle("No such dead-lettered record");
                    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
                });
    }
}
