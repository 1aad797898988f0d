package com.seriescare.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A patient's phone as an HTTP client: GETs a form page, POSTs it as a browser posts a form. */
final class FormHttp {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    record Page(int status, String html, HttpResponse<String> response) {
        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    private final String baseUrl;
    private final String clientAddress;

    FormHttp(int port) {
        this("http://localhost:" + port, null);
    }

    private FormHttp(String baseUrl, String clientAddress) {
        this.baseUrl = baseUrl;
        this.clientAddress = clientAddress;
    }

    /**
     * The same phone seen from another address: the service sits behind a proxy on the local network, which names the
     * client in {@code X-Forwarded-For} (and a test stands for that proxy).
     */
    FormHttp from(String address) {
        return new FormHttp(baseUrl, address);
    }

    Page get(String path) {
        return send(request(path).GET().build());
    }

    private HttpRequest.Builder request(String path) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (clientAddress != null) {
            request.header("X-Forwarded-For", clientAddress);
        }
        return request;
    }

    Page post(String path, Map<String, List<String>> fields) {
        String body = fields.entrySet().stream()
                .flatMap(e -> e.getValue().stream()
                        .map(v -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(v, StandardCharsets.UTF_8)))
                .collect(Collectors.joining("&"));
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private static Page send(HttpRequest request) {
        try {
            var response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A complete, unremarkable checklist; tests change the answers they are about. */
    static Map<String, List<String>> goodChecklist() {
        return new java.util.LinkedHashMap<>(Map.of(
                "rideHome", List.of("driver"),
                "driverName", List.of("Luis Reyes"),
                "driverPhone", List.of("(303) 555-0177"),
                "lightMeal", List.of("yes"),
                "hydrate", List.of("yes"),
                "medicationChanged", List.of("no"),
                "interest", List.of("1"),
                "mood", List.of("1"),
                "safety", List.of("0")));
    }

    static Map<String, List<String>> goodIntake() {
        return new java.util.LinkedHashMap<>(Map.ofEntries(
                Map.entry("mentalHealthHistory", List.of("Depression since 2019; two SSRIs tried")),
                Map.entry("medications", List.of("antidepressants")),
                Map.entry("otherMedications", List.of("Sertraline 50 mg")),
                Map.entry("alcohol", List.of("monthly")),
                Map.entry("otherSubstances", List.of("")),
                Map.entry("highBloodPressure", List.of("no")),
                Map.entry("heartCondition", List.of("no")),
                Map.entry("pregnancy", List.of("no")),
                Map.entry("psychosisHistory", List.of("no")),
                Map.entry("allergies", List.of("none")),
                Map.entry("emergencyContactName", List.of("Luis Reyes")),
                Map.entry("emergencyContactPhone", List.of("303-555-0177")),
                Map.entry("goals", List.of("Feel like myself again")),
                Map.entry("safety", List.of("0"))));
    }
}
