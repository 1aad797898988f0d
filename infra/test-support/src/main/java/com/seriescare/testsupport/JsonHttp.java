package com.seriescare.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JSON-over-HTTP client for tests that drive a service through its real HTTP port. */
public final class JsonHttp {

    /** A response: status, parsed JSON body (missing node when empty or not JSON), raw body and content type. */
    public record Response(
            int status, JsonNode json, String body, String contentType, java.net.http.HttpHeaders headers) {

        /** A response header's first value, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String authorization;

    private final java.util.Map<String, String> extraHeaders;

    private JsonHttp(String baseUrl, String authorization) {
        this(baseUrl, authorization, java.util.Map.of());
    }

    private JsonHttp(String baseUrl, String authorization, java.util.Map<String, String> extraHeaders) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
        this.extraHeaders = extraHeaders;
    }

    /** The same client, sending this header as well (e.g. {@code If-Match}, {@code Idempotency-Key}). */
    public JsonHttp with(String header, String value) {
        var headers = new java.util.LinkedHashMap<>(extraHeaders);
        headers.put(header, value);
        return new JsonHttp(baseUrl, authorization, java.util.Map.copyOf(headers));
    }

    public static JsonHttp at(String baseUrl) {
        return new JsonHttp(baseUrl, null);
    }

    /** The same client, sending HTTP Basic credentials. */
    public JsonHttp as(String user, String password) {
        return new JsonHttp(baseUrl, "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes()));
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response put(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    private HttpRequest.Builder request(String path) {
        var builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        extraHeaders.forEach(builder::header);
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json;
            try {
                json = response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
            } catch (RuntimeException notJson) {
                json = JSON.missingNode();
            }
            return new Response(response.statusCode(), json, response.body(), contentType, response.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
