package com.seriescare.notification.sms;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Twilio when an account SID is configured; otherwise, in the dev profile only, the local sink. Outside it the service
 * refuses to start without Twilio: a secret that failed to mount must not turn texting into a silent sink.
 */
@Configuration(proxyBeanMethods = false)
class SmsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SmsConfiguration.class);
    private static final String TWILIO_CONFIGURED = "'${seriescare.twilio.account-sid:}' != ''";

    @Bean
    @ConditionalOnExpression(TWILIO_CONFIGURED)
    SmsSender twilioSmsSender(TwilioProperties properties) {
        log.info(
                "Texts are sent through Twilio (account {}…)",
                properties.accountSid().substring(0, 6));
        return new TwilioSmsSender(properties);
    }

    @Bean
    @ConditionalOnExpression("!(" + TWILIO_CONFIGURED + ")")
    @Profile("!dev")
    SmsSender noTwilio() {
        throw new IllegalStateException("notification-service needs Twilio: set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN"
                + " and TWILIO_FROM_NUMBER (or TWILIO_MESSAGING_SERVICE_SID). The local SMS sink exists only in the dev"
                + " profile (./run-local).");
    }

    @Bean
    @ConditionalOnExpression("!(" + TWILIO_CONFIGURED + ")")
    @Profile("dev")
    LocalSmsSink localSmsSink(Clock clock) {
        log.warn("No Twilio credentials: texts go to the local SMS sink (GET /api/dev/sms), nothing is sent");
        return new LocalSmsSink(clock);
    }
}
