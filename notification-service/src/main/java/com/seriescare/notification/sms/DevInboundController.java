package com.seriescare.notification.sms;

import com.seriescare.notification.replies.InboundReplies;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dev stack's stand-in for a patient texting us: the same handling as Twilio's inbound webhook. Absent when
 * Twilio is configured.
 */
@RestController
@ConditionalOnExpression("'${seriescare.twilio.account-sid:}' == ''")
@org.springframework.context.annotation.Profile("dev")
class DevInboundController {

    private final InboundReplies replies;

    DevInboundController(InboundReplies replies) {
        this.replies = replies;
    }

    @PostMapping("/api/dev/sms/inbound")
    Map<String, String> inbound(@Valid @RequestBody SimulatedText text) {
        var intent = replies.receive(text.from(), text.to(), text.body(), "DEV" + UUID.randomUUID());
        return Map.of("intent", intent.name().toLowerCase(Locale.ROOT));
    }

    record SimulatedText(
            @NotBlank @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be an E.164 number such as +13035550142")
            String from,

            @NotBlank @Size(max = 1600) String body,

            // the clinic number texted (its SMS number); absent: the deployment's default sender
            @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be an E.164 number such as +19705550199")
            String to) {}
}
