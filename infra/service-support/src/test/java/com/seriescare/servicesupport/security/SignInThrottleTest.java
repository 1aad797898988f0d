package com.seriescare.servicesupport.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.seriescare.servicesupport.throttle.InstanceBuckets;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The throttle alone, with a stand-in for the rest of the chain that refuses or accepts the password. */
class SignInThrottleTest {

    final SignInThrottle throttle = new SignInThrottle(new InstanceBuckets(), 3, 5, Duration.ofMinutes(15));

    @Test
    void anAccountThatFailedTooOftenIsRefusedBeforeItsPasswordIsChecked() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(basic("mallory", "10.0.0.1", false).getStatus()).isEqualTo(401);
        }

        var refused = basic("mallory", "10.0.0.2", true);

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 900L);
        assertThat(basic("MALLORY ", "10.0.0.3", true).getStatus())
                .as("same account")
                .isEqualTo(429);
        assertThat(basic("alice", "10.0.0.1", true).getStatus())
                .as("another account")
                .isEqualTo(200);
    }

    @Test
    void anAddressThatFailedTooOftenIsRefusedWhateverAccountItTries() throws Exception {
        for (int i = 0; i < 5; i++) {
            basic("guess-" + i, "10.9.9.9", false);
        }

        assertThat(basic("alice", "10.9.9.9", true).getStatus()).isEqualTo(429);
        assertThat(basic("alice", "10.9.9.10", true).getStatus()).isEqualTo(200);
    }

    @Test
    void thePasswordFormIsSentBackToTheSignInPageSayingWhy() throws Exception {
        for (int i = 0; i < 3; i++) {
            form("eve", false);
        }

        var refused = form("eve", true);

        assertThat(refused.getRedirectedUrl()).isEqualTo("/login?throttled");
        assertThat(form("frank", true).getRedirectedUrl()).isEqualTo("/today");
    }

    @Test
    void requestsWithoutCredentialsPassUntouched() throws Exception {
        var request = new MockHttpServletRequest("GET", "/today");
        var response = new MockHttpServletResponse();
        var chain = new MockFilterChain();

        throttle.doFilter(request, response, chain);

        assertThat(chain.getRequest()).isSameAs(request);
    }

    private MockHttpServletResponse basic(String user, String address, boolean rightPassword) throws Exception {
        var request = new MockHttpServletRequest("GET", "/api/patients");
        request.setRemoteAddr(address);
        request.addHeader(
                "Authorization",
                "Basic " + Base64.getEncoder().encodeToString((user + ":pw").getBytes(StandardCharsets.UTF_8)));
        var response = new MockHttpServletResponse();
        throttle.doFilter(request, response, (req, res) -> {
            if (!rightPassword) {
                ((MockHttpServletResponse) res).setStatus(401);
            }
        });
        return response;
    }

    private MockHttpServletResponse form(String user, boolean rightPassword) throws Exception {
        var request = new MockHttpServletRequest("POST", "/login");
        request.setServletPath("/login");
        request.setRemoteAddr("10.1.1.1");
        request.setParameter("username", user);
        var response = new MockHttpServletResponse();
        throttle.doFilter(
                request,
                response,
                (req, res) -> ((MockHttpServletResponse) res).sendRedirect(rightPassword ? "/today" : "/login?error"));
        return response;
    }
}
