package com.seriescare.notification.replies;

import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How replies are read ({@code seriescare.replies.*}).
 *
 * @param crisisPhrases phrases that raise a crisis alert wherever they appear in a reply, in every language served
 */
@Validated
@ConfigurationProperties("seriescare.replies")
public record RepliesProperties(@NotEmpty List<String> crisisPhrases) {}
