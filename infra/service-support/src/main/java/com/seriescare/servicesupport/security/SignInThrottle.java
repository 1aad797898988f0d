package com.seriescare.servicesupport.security;

import com.seriescare.servicesupport.throttle.Throttle;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Failed sign-ins are counted per account and per address; once either has failed too often, further attempts are
 * refused before the password is even checked, until the allowance refills (a little at a time: a person who mistyped
 * waits a minute or two). Covers the password form ({@code POST /login}) and HTTP Basic; with an OIDC issuer the
 * issuer throttles its own sign-in. Runs before Spring Security, so a refused attempt costs no password hash.
 */
public class SignInThrottle extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    private final Throttle accounts;
    private final Throttle addresses;

    /**
     * @param buckets where the counts are kept (the store, shared by the replicas)
     * @param perAccount failures allowed per account in {@code per}
     * @param perAddress failures allowed per client address in {@code per} (a clinic's staff may share one address)
     */
    public SignInThrottle(ProxyManager<String> buckets, int perAccount, int perAddress, Duration per) {
        this.accounts = new Throttle(buckets, "sign-in-account", perAccount, per);
        this.addresses = new Throttle(buckets, "sign-in-address", perAddress, per);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean form = "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath());
        String username = form ? request.getParameter("username") : basicUsername(request);
        if (username == null || username.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        String account = username.strip().toLowerCase(Locale.ROOT);
        String address = request.getRemoteAddr();
        if (accounts.exhausted(account) || addresses.exhausted(address)) {
            Duration wait = max(accounts.retryAfter(account), addresses.retryAfter(address));
            log.warn("Sign-in refused without checking: too many failed attempts for the account or the address");
            refuse(form, response, wait);
            return;
        }
        chain.doFilter(request, response);
        if (failed(form, response)) {
            accounts.spend(account);
            addresses.spend(address);
        }
    }

    private static boolean failed(boolean form, HttpServletResponse response) {
        if (form) {
            String to = response.getHeader("Location");
            return to != null && to.contains("/login?error");
        }
        return response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED;
    }

    private static void refuse(boolean form, HttpServletResponse response, Duration wait) throws IOException {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        response.setHeader("Retry-After", String.valueOf(seconds));
        if (form) {
            response.sendRedirect("/login?throttled");
            return;
        }
        response.setStatus(429);
        response.setContentType("application/problem+json");
        response.getWriter().write("""
                {"type":"https://seriescare.example/problems/too-many-sign-in-failures","title":"Too many failed \
                sign-ins","status":429,"detail":"Too many failed sign-ins for this account or from this address; \
                try again in %d seconds."}""".formatted(seconds));
    }

    private static String basicUsername(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded =
                    new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
