package com.seriescare.notification.replies;

import com.seriescare.notification.consent.TextingConsent;
import com.seriescare.notification.dispatch.DispatchProperties;
import com.seriescare.notification.dispatch.OutgoingMessages;
import com.seriescare.notification.sms.DeliveryError;
import com.seriescare.notification.sms.TwilioProperties;
import com.twilio.security.RequestValidator;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's webhooks: texts from patients and delivery reports. Each request must carry a valid
 * {@code X-Twilio-Signature} (HMAC over the public URL Twilio called and the form fields); anything else is refused
 * with 403 and changes nothing.
 */
@RestController
class TwilioWebhooks {

    private static final Logger log = LoggerFactory.getLogger(TwilioWebhooks.class);

    private final InboundReplies replies;
    private final OutgoingMessages messages;
    private final TextingConsent consent;
    private final RequestValidator validator;
    private final URI publicBaseUrl;
    private final Clock clock;

    TwilioWebhooks(
            InboundReplies replies,
            OutgoingMessages messages,
            TextingConsent consent,
            TwilioProperties twilio,
            DispatchProperties dispatch,
            Clock clock) {
        this.replies = replies;
        this.messages = messages;
        this.consent = consent;
        // without an auth token nothing can be verified, so nothing is accepted
        this.validator = twilio.authToken() == null || twilio.authToken().isBlank()
                ? null
                : new RequestValidator(twilio.authToken());
        this.publicBaseUrl = dispatch.publicBaseUrl();
        this.clock = clock;
    }

    /** A text from a patient. Answered with empty TwiML: replies go out through the REST API like every text. */
    @PostMapping(path = "/twilio/inbound", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<?> inbound(
            HttpServletRequest request,
            @RequestHeader(name = "X-Twilio-Signature", required = false) String signature,
            @RequestParam MultiValueMap<String, String> form) {
        if (!signedByTwilio(request, signature, form)) {
            return forbidden(request);
        }
        replies.receive(form.getFirst("From"), form.getFirst("To"), form.getFirst("Body"), form.getFirst("MessageSid"));
        return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body("<Response/>");
    }

    /** What became of a text we sent: queued, sent, delivered, undelivered or failed. */
    @PostMapping(path = "/twilio/status", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<?> status(
            HttpServletRequest request,
            @RequestHeader(name = "X-Twilio-Signature", required = false) String signature,
            @RequestParam MultiValueMap<String, String> form) {
        if (!signedByTwilio(request, signature, form)) {
            return forbidden(request);
        }
        String messageId = request.getParameter("message");
        if (messageId != null) {
            // the report names our text: Twilio has it, whatever we knew (docs/adr/0002-texts-in-doubt.md)
            messages.settleByProviderReport(messageId, form.getFirst("MessageSid"), clock.instant());
        }
        Optional<DeliveryError> error = DeliveryError.fromCallback(form.getFirst("ErrorCode"));
        messages.recordDeliveryStatus(
                        messageId,
                        form.getFirst("MessageSid"),
                        form.getFirst("MessageStatus"),
                        error.map(DeliveryError::describe).orElse(null),
                        clock.instant())
                .filter(text -> !text.plan().isReply())
                .ifPresent(text -> error.filter(DeliveryError::numberCannotReceive)
                        .ifPresent(e -> consent.numberCannotReceive(text.plan().patientId(), e.describe())));
        return ResponseEntity.noContent().build();
    }

    private boolean signedByTwilio(HttpServletRequest request, String signature, MultiValueMap<String, String> form) {
        if (validator == null || signature == null) {
            return false;
        }
        // the URL exactly as Twilio called it: the public base URL (behind proxies), the path and the query
        String url = publicBaseUrl.resolve(request.getRequestURI())
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        // Twilio signs the POST fields only; the query string is part of the URL
        java.util.Set<String> queryKeys = org.springframework.web.util.UriComponentsBuilder.fromUriString(url)
                .build()
                .getQueryParams()
                .keySet();
        Map<String, String> params = new HashMap<>();
        form.forEach((key, values) -> {
            if (!queryKeys.contains(key)) {
                params.put(key, values.getFirst());
            }
        });
        return validator.validate(url, params, signature);
    }

    private static ResponseEntity<ProblemDetail> forbidden(HttpServletRequest request) {
        log.warn("Refused a webhook call to {} without a valid Twilio signature", request.getRequestURI());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.FORBIDDEN, "The request is not signed by Twilio (missing or wrong X-Twilio-Signature)");
        problem.setType(URI.create("https://seriescare.example/problems/bad-signature"));
        problem.setTitle("Forbidden");
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }
}
