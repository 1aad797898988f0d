package com.seriescare.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.seriescare.testsupport.MutableClock;
import com.seriescare.testsupport.UsesSharedInfrastructure;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With an OIDC issuer configured the service accepts its JWTs (roles and clinic from claims) instead of Basic users.
 * The issuer is a local stand-in serving discovery and keys; tokens are signed with its RSA key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesSharedInfrastructure
@ActiveProfiles({"dev", "test"})
@Import(JwtResourceServerIntegrationTest.Clock.class)
class JwtResourceServerIntegrationTest {

    static final RSAKey KEY = generateKey();
    static final HttpServer ISSUER = startIssuer();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add(
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", JwtResourceServerIntegrationTest::issuerUri);
    }

    @AfterAll
    static void stop() {
        ISSUER.stop(0);
    }

    @Test
    void aFrontDeskTokenMayRegisterPatientsOfItsClinic() throws Exception {
        var response = send("POST", "/api/patients", token(List.of("FRONT_DESK"), "front-range"), Api.ANA);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.body()).contains("\"clinicId\":\"front-range\"", "\"recordedBy\":\"nurse-1\"");
    }

    @Test
    void anIntegrationTokenMayNotBookAndBasicUsersAreNotAcceptedAnyMore() throws Exception {
        var integration = send("POST", "/api/patients", token(List.of("INTEGRATION"), "front-range"), Api.ANA);
        var basic = Api.frontDesk(port).get("/api/patients/x");
        var forged = send("POST", "/api/patients", token(List.of("FRONT_DESK"), "front-range") + "x", Api.ANA);

        assertThat(integration.statusCode()).isEqualTo(403);
        assertThat(basic.status()).isEqualTo(401);
        assertThat(forged.statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenThatNamesNoClinicIsRefusedWithAProblemNotA500() throws Exception {
        var noClinic = send("POST", "/api/patients", token(List.of("FRONT_DESK"), null), Api.ANA);
        var read = send("GET", "/api/patients?q=Ana", token(List.of("FRONT_DESK"), null), "");

        assertThat(noClinic.statusCode()).as(noClinic.body()).isEqualTo(403);
        assertThat(noClinic.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("application/problem+json"));
        assertThat(read.statusCode()).as(read.body()).isEqualTo(403);
    }

    @Test
    void aTokenIssuedForAnotherAudienceIsNotTaken() throws Exception {
        var elsewhere = send("POST", "/api/patients", token(List.of("FRONT_DESK"), "front-range", "billing"), Api.ANA);

        assertThat(elsewhere.statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .method(method, HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    static String token(List<String> roles, String clinic) throws Exception {
        return token(roles, clinic, "seriescare");
    }

    static String token(List<String> roles, String clinic, String audience) throws Exception {
        var claims = new JWTClaimsSet.Builder()
                .issuer(issuerUri())
                .audience(audience)
                .subject("nurse-1")
                .claim("roles", roles)
                .claim("clinic", clinic)
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .build();
        var jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(KEY));
        return jwt.serialize();
    }

    static String issuerUri() {
        return "http://127.0.0.1:" + ISSUER.getAddress().getPort() + "/issuer";
    }

    private static RSAKey generateKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("test-key").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer startIssuer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/issuer/.well-known/openid-configuration", exchange -> {
                String issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/issuer";
                respond(exchange, """
                        {"issuer":"%1$s","jwks_uri":"%1$s/jwks","subject_types_supported":["public"],
                         "id_token_signing_alg_values_supported":["RS256"]}""".formatted(issuer));
            });
            server.createContext(
                    "/issuer/jwks", exchange -> respond(exchange, new JWKSet(KEY.toPublicJWK()).toString()));
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clock {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(SchedulingServiceTest.NOW);
        }
    }
}
