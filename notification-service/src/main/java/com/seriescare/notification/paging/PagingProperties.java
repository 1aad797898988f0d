package com.seriescare.notification.paging;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Paging the on-call clinician ({@code seriescare.paging.*}).
 *
 * @param escalateAfter an urgent alert nobody acknowledged in this time pages the next clinician of the rota
 * @param alertsBaseUrl where clinicians open the web app ({@code FRONT_DESK_PUBLIC_BASE_URL}): the page links to the
 *     alert there
 */
@ConfigurationProperties("seriescare.paging")
public record PagingProperties(
        @DefaultValue("10m") Duration escalateAfter,
        @DefaultValue("http://localhost:8081") URI alertsBaseUrl,
        @DefaultValue("1s") Duration pollInterval) {

    String linkTo(String alertId) {
        return alertsBaseUrl.resolve("/alerts/" + alertId).toString();
    }
}
