package com.seriescare.notification.sms;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The local sink's texts, for the dev stack; absent when Twilio is configured. */
@RestController
@ConditionalOnExpression("'${seriescare.twilio.account-sid:}' == ''")
@org.springframework.context.annotation.Profile("dev")
class DevSmsController {

    private final LocalSmsSink sink;

    DevSmsController(LocalSmsSink sink) {
        this.sink = sink;
    }

    /** Every text the sink received, newest last. */
    @GetMapping("/api/dev/sms")
    List<LocalSmsSink.SinkMessage> messages() {
        return sink.messages();
    }
}
