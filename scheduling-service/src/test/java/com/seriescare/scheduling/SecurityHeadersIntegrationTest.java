package com.seriescare.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The web app's and the API's answers carry the headers that keep a browser from being turned against the clinic. */
@SchedulingServiceTest
class SecurityHeadersIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void pagesAllowNoInlineOrForeignScriptAndCannotBeFramed() throws Exception {
        for (String path : java.util.List.of("/login", "/api/patients/x")) {
            var answer = get(path, false);

            String csp = answer.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(path).contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'");
            assertThat(csp.replaceAll(".*script-src ([^;]*);.*", "$1")).doesNotContain("unsafe");
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
            assertThat(answer.headers().firstValue("Permissions-Policy")).isPresent();
        }
    }

    @Test
    void theSessionCookieIsHttpOnlySameSiteAndSecureBehindATlsProxy() throws Exception {
        var plain = get("/today", false);
        var behindTls = get("/today", true);

        assertThat(plain.headers().firstValue("Set-Cookie"))
                .hasValueSatisfying(cookie ->
                        assertThat(cookie).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure"));
        assertThat(behindTls.headers().firstValue("Set-Cookie"))
                .hasValueSatisfying(cookie -> assertThat(cookie).contains("HttpOnly", "SameSite=Lax", "Secure"));
        assertThat(behindTls.headers().firstValue("Strict-Transport-Security")).isPresent();
        assertThat(behindTls.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).startsWith("https://"));
    }

    private HttpResponse<String> get(String path, boolean forwardedFromTls) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (forwardedFromTls) {
            request.header("X-Forwarded-Proto", "https");
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
