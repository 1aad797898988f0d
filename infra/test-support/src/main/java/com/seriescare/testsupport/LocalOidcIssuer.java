package com.seriescare.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small OpenID Connect provider for tests: discovery, keys (RS256), and the authorization-code flow with PKCE as a
 * clinic's identity provider runs it. Whoever is sent to {@code /authorize} is signed in at once as the person set by
 * {@link #signInAs}; the code is exchanged at {@code /token} only with the verifier whose S256 challenge came with it,
 * and only by the registered client. Also mints access tokens for the services' APIs ({@link #token}).
 */
public final class LocalOidcIssuer implements AutoCloseable {

    /** Who the next sign-in is: subject, display name, roles and clinic (null for a token that names none). */
    public record Person(String subject, String name, List<String> roles, String clinic) {}

    /** One finished code exchange, as the provider saw it. */
    public record Exchange(String challengeMethod, boolean verifierMatched, String clientId) {}

    private record PendingCode(Person person, String clientId, String redirectUri, String challenge, String nonce) {}

    public static final String AUDIENCE = "seriescare";

    private final RSAKey key;
    private final HttpServer server;
    private final String clientId;
    private final Map<String, PendingCode> codes = new ConcurrentHashMap<>();
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    private volatile Person next;

    private LocalOidcIssuer(String clientId) {
        this.clientId = clientId;
        try {
            key = new RSAKeyGenerator(2048).keyID("local-" + UUID.randomUUID()).generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (JOSEException | IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/issuer/.well-known/openid-configuration", this::discovery);
        server.createContext(
                "/issuer/jwks", exchange -> respond(exchange, 200, new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/issuer/authorize", this::authorize);
        server.createContext("/issuer/token", this::token);
        server.start();
    }

    /** An issuer whose one registered client is {@code clientId} (a public client: PKCE, no secret). */
    public static LocalOidcIssuer start(String clientId) {
        return new LocalOidcIssuer(clientId);
    }

    public String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/issuer";
    }

    public LocalOidcIssuer signInAs(Person person) {
        this.next = person;
        return this;
    }

    public List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    /** An access token for the services' APIs, issued for {@code audience}. */
    public String token(Person person, String audience) {
        return sign(claims(person).audience(audience).build());
    }

    public String token(Person person) {
        return token(person, AUDIENCE);
    }

    /** An access token signed with another algorithm than the issuer's RS256 (same key), e.g. RS512. */
    public String tokenSignedWith(Person person, JWSAlgorithm algorithm) {
        try {
            var jwt = new SignedJWT(
                    new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).build(),
                    claims(person).audience(AUDIENCE).build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private JWTClaimsSet.Builder claims(Person person) {
        var claims = new JWTClaimsSet.Builder()
                .issuer(uri())
                .subject(person.subject())
                .claim("preferred_username", person.subject())
                .claim("name", person.name())
                .claim("roles", person.roles())
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(600)));
        if (person.clinic() != null) {
            claims.claim("clinic", person.clinic());
        }
        return claims;
    }

    private String sign(JWTClaimsSet claims) {
        try {
            var jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void discovery(HttpExchange exchange) throws IOException {
        respond(exchange, 200, """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
                 "jwks_uri":"%1$s/jwks","response_types_supported":["code"],"subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"],"code_challenge_methods_supported":["S256"],
                 "token_endpoint_auth_methods_supported":["none"],"scopes_supported":["openid","profile"]}""".formatted(uri()));
    }

    private void authorize(HttpExchange exchange) throws IOException {
        var query = form(exchange.getRequestURI().getRawQuery());
        Person person = next;
        if (person == null || !clientId.equals(query.get("client_id")) || !"code".equals(query.get("response_type"))) {
            respond(exchange, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(
                code,
                new PendingCode(
                        person,
                        query.get("client_id"),
                        query.get("redirect_uri"),
                        "S256".equals(query.get("code_challenge_method")) ? query.get("code_challenge") : null,
                        query.get("nonce")));
        String back = query.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(query.getOrDefault("state", ""), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Location", back);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        var request = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        PendingCode pending = codes.remove(request.getOrDefault("code", ""));
        if (pending == null) {
            respond(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        boolean verified = pending.challenge() != null
                && pending.challenge().equals(s256(request.getOrDefault("code_verifier", "")));
        exchanges.add(new Exchange(pending.challenge() == null ? "none" : "S256", verified, request.get("client_id")));
        if (!verified
                || !pending.clientId().equals(request.get("client_id"))
                || !pending.redirectUri().equals(request.get("redirect_uri"))) {
            respond(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        var idToken = claims(pending.person()).audience(pending.clientId());
        if (pending.nonce() != null) {
            idToken.claim("nonce", pending.nonce());
        }
        respond(exchange, 200, """
                {"access_token":"%s","token_type":"Bearer","expires_in":600,"scope":"openid profile","id_token":"%s"}""".formatted(token(pending.person()), sign(idToken.build())));
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isBlank()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            values.put(
                    URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return values;
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
