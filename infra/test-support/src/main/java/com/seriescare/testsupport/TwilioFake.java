package com.seriescare.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for Twilio's Messages API, faithful to Twilio's OpenAPI description (api_v2010):
 * {@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json} with a form-encoded body and HTTP Basic auth
 * ({@code AccountSid:AuthToken}), answering 201 with a Message resource, or a Twilio-shaped error
 * ({@code code}, {@code message}, {@code more_info}, {@code status}). The real Twilio SDK talks to it.
 *
 * <p>Tests read back what was accepted with {@link #messages()} and script failures with {@link #failNext}.
 */
public final class TwilioFake implements AutoCloseable {

    public static final String ACCOUNT_SID = "AC00000000000000000000000000000001";
    public static final String AUTH_TOKEN = "fake-auth-token-0000000000000001";

    private static final Pattern MESSAGES_PATH =
            Pattern.compile("^/2010-04-01/Accounts/(AC[0-9a-fA-F]{32})/Messages\\.json$");
    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");
    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", java.util.Locale.US);

    /** A message the fake accepted. */
    public record SentMessage(
            String sid,
            String accountSid,
            String to,
            String from,
            String messagingServiceSid,
            String body,
            String statusCallback,
            Instant receivedAt) {}

    /**
     * A scripted answer for the next request instead of accepting it.
     *
     * @param retryAfter seconds for a {@code Retry-After} header; null for none
     */
    public record ScriptedError(int httpStatus, int code, String message, Integer retryAfter) {

        public ScriptedError(int httpStatus, int code, String message) {
            this(httpStatus, code, message, null);
        }
    }

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<SentMessage> messages = new CopyOnWriteArrayList<>();
    private final Queue<ScriptedError> scripted = new ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();

    private TwilioFake(HttpServer server) {
        this.server = server;
    }

    /** Starts a fake on a free loopback port. */
    public static TwilioFake start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            TwilioFake fake = new TwilioFake(server);
            server.createContext("/", fake::handle);
            server.setExecutor(Executors.newFixedThreadPool(16));
            server.start();
            return fake;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the Twilio fake", e);
        }
    }

    /** What to give the services as {@code TWILIO_API_BASE_URL}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every message accepted so far, oldest first. */
    public List<SentMessage> messages() {
        return List.copyOf(messages);
    }

    /** How many requests (accepted or not) were made to text this number. */
    public int attemptsTo(String phone) {
        var count = attemptsByRecipient.get(phone);
        return count == null ? 0 : count.get();
    }

    private final Map<String, java.util.concurrent.atomic.AtomicInteger> attemptsByRecipient =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Every request that reached the Messages endpoint, accepted or not. */
    public int requestCount() {
        return requests.get();
    }

    /**
     * The next request is answered only after {@code delay} (longer than the client waits, to make its outcome
     * unknown to the client). With {@code accept} the message is recorded as accepted all the same; without, it is
     * dropped, as if it never reached Twilio.
     */
    public void answerLate(java.time.Duration delay, boolean accept) {
        late.add(new Late(delay, accept));
    }

    private record Late(java.time.Duration delay, boolean accept) {}

    private final Queue<Late> late = new ConcurrentLinkedQueue<>();

    /**
     * Moves the fake's clock (its messages' {@code date_created}) with the services' travelling clocks: in production
     * Twilio's clock and ours agree, and a lookup of a text in doubt compares them.
     */
    public void travelTo(Instant now) {
        clockOffset = java.time.Duration.between(Instant.now(), now);
    }

    private volatile java.time.Duration clockOffset = java.time.Duration.ZERO;

    /**
     * Every accepted message is answered only after this long, as Twilio takes 100-300 ms: the message exists at
     * Twilio from the moment it arrives, whether or not the sender lives to read the answer.
     */
    public void latency(java.time.Duration latency) {
        this.latency = latency;
    }

    private volatile java.time.Duration latency = java.time.Duration.ZERO;

    /** The next {@code times} requests are answered with this error instead of being accepted. */
    public void failNext(int times, int httpStatus, int code, String message) {
        for (int i = 0; i < times; i++) {
            scripted.add(new ScriptedError(httpStatus, code, message));
        }
    }

    /**
     * The next {@code times} requests to {@code to} are answered with this error. Tests of one JVM share the fake while
     * other cached contexts may still be sending, so an error meant for one patient's number is scripted for it.
     */
    public void failNextTo(String to, int times, int httpStatus, int code, String message) {
        var queue = scriptedFor.computeIfAbsent(to, number -> new ConcurrentLinkedQueue<>());
        for (int i = 0; i < times; i++) {
            queue.add(new ScriptedError(httpStatus, code, message));
        }
    }

    private final Map<String, Queue<ScriptedError>> scriptedFor = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The next {@code times} requests to {@code to} are refused as Twilio refuses a request over the account's rate:
     * HTTP 429, error 20429, with {@code Retry-After: retryAfterSeconds}.
     */
    public void throttleNextTo(String to, int times, int retryAfterSeconds) {
        var queue = scriptedFor.computeIfAbsent(to, number -> new ConcurrentLinkedQueue<>());
        for (int i = 0; i < times; i++) {
            queue.add(new ScriptedError(429, TOO_MANY_REQUESTS, "Too Many Requests", retryAfterSeconds));
        }
    }

    /** Twilio's error for a request over the account's rate. */
    public static final int TOO_MANY_REQUESTS = 20429;

    /**
     * The account's rate: at most {@code perSecond} message requests in any second (a sliding window); the rest are
     * answered 429 (error 20429, {@code Retry-After: 1}) and not taken. 0: no limit (the default).
     */
    public void limitPerSecond(int perSecond) {
        this.perSecond = perSecond;
    }

    private volatile int perSecond;

    private final java.util.ArrayDeque<Long> window = new java.util.ArrayDeque<>();

    private final java.util.concurrent.atomic.AtomicInteger throttled = new java.util.concurrent.atomic.AtomicInteger();

    /** How many requests were answered 429 (scripted or over the account's rate). */
    public int throttledCount() {
        return throttled.get();
    }

    /** Whether a request now is over the account's rate; counts it in the window when it is not. */
    private boolean overTheAccountsRate() {
        int limit = perSecond;
        if (limit <= 0) {
            return false;
        }
        long now = System.nanoTime();
        synchronized (window) {
            while (!window.isEmpty() && now - window.peekFirst() >= 1_000_000_000L) {
                window.pollFirst();
            }
            if (window.size() >= limit) {
                return true;
            }
            window.addLast(now);
            return false;
        }
    }

    public void reset() {
        scriptedFor.clear();
        messages.clear();
        attemptsByRecipient.clear();
        scripted.clear();
        late.clear();
        requests.set(0);
        throttled.set(0);
        perSecond = 0;
        lookups.set(0);
    }

    /**
     * A patient texts {@code body} from {@code from} to the clinic's number {@code to}: Twilio's signed inbound
     * webhook, as Twilio would call it at {@code publicUrl} (signed for it) and the service receives it at
     * {@code actualUrl}. Returns the HTTP status the service answered.
     */
    public int textFromPatient(String publicUrl, String actualUrl, String from, String to, String body) {
        return callWebhook(
                publicUrl,
                actualUrl,
                Map.of(
                        "From", from,
                        "To", to,
                        "Body", body,
                        "MessageSid",
                                "SM" + java.util.UUID.randomUUID().toString().replace("-", ""),
                        "AccountSid", ACCOUNT_SID));
    }

    /**
     * Calls a webhook the way Twilio does: a form-encoded POST signed with {@code X-Twilio-Signature} (HMAC-SHA1 of
     * the public URL followed by every field name and value in name order, keyed by the auth token, Base64).
     *
     * @param publicUrl the URL Twilio would call (it is what gets signed)
     * @param actualUrl where the service really listens (e.g. behind a proxy, on a random test port)
     * @return the HTTP status of the answer
     */
    public int callWebhook(String publicUrl, String actualUrl, Map<String, String> fields) {
        return callWebhook(actualUrl, fields, sign(AUTH_TOKEN, publicUrl, fields));
    }

    /** Calls a webhook with any signature (or none, when null): for forged requests. */
    public int callWebhook(String actualUrl, Map<String, String> fields, String signature) {
        String form = fields.entrySet().stream()
                .map(e -> java.net.URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(actualUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        try {
            return java.net.http.HttpClient.newHttpClient()
                    .send(request.build(), java.net.http.HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Twilio's request signature. */
    public static String sign(String authToken, String url, Map<String, String> fields) {
        StringBuilder data = new StringBuilder(url);
        new java.util.TreeMap<>(fields).forEach((key, value) -> data.append(key).append(value));
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
            mac.init(new javax.crypto.spec.SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher path = MESSAGES_PATH.matcher(exchange.getRequestURI().getPath());
            if (!path.matches()) {
                error(
                        exchange,
                        404,
                        20404,
                        "The requested resource " + exchange.getRequestURI().getPath() + " was not found");
                return;
            }
            String accountSid = path.group(1);
            if ("GET".equals(exchange.getRequestMethod())) {
                if (!authorised(exchange, accountSid)) {
                    error(exchange, 401, 20003, "Authenticate");
                    return;
                }
                list(exchange, accountSid);
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                error(exchange, 405, 20004, "Method not allowed");
                return;
            }
            if (!authorised(exchange, accountSid)) {
                error(exchange, 401, 20003, "Authenticate");
                return;
            }
            requests.incrementAndGet();
            Map<String, String> form =
                    parseForm(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (form.get("To") != null) {
                attemptsByRecipient
                        .computeIfAbsent(form.get("To"), to -> new java.util.concurrent.atomic.AtomicInteger())
                        .incrementAndGet();
            }
            Queue<ScriptedError> forRecipient = form.get("To") == null ? null : scriptedFor.get(form.get("To"));
            ScriptedError failure = forRecipient == null ? null : forRecipient.poll();
            if (failure == null) {
                failure = scripted.poll();
            }
            if (failure == null && overTheAccountsRate()) {
                failure = new ScriptedError(429, TOO_MANY_REQUESTS, "Too Many Requests", 1);
            }
            if (failure != null) {
                if (failure.httpStatus() == 429) {
                    throttled.incrementAndGet();
                }
                if (failure.retryAfter() != null) {
                    exchange.getResponseHeaders().set("Retry-After", String.valueOf(failure.retryAfter()));
                }
                error(exchange, failure.httpStatus(), failure.code(), failure.message());
                return;
            }
            Late slow = late.poll();
            if (slow != null) {
                try {
                    Thread.sleep(slow.delay());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (!slow.accept()) {
                    return;
                }
            }
            String to = form.get("To");
            String from = form.get("From");
            String service = form.get("MessagingServiceSid");
            String body = form.get("Body");
            if (to == null || to.isBlank()) {
                error(exchange, 400, 21604, "A 'To' phone number is required.");
            } else if (!E164.matcher(to).matches()) {
                error(exchange, 400, 21211, "Invalid 'To' Phone Number: " + to);
            } else if ((from == null || from.isBlank()) && (service == null || service.isBlank())) {
                error(exchange, 400, 21603, "A 'From' phone number is required.");
            } else if ((body == null || body.isBlank())
                    && form.get("MediaUrl") == null
                    && form.get("ContentSid") == null) {
                error(exchange, 400, 21602, "Message body is required.");
            } else {
                accept(
                        exchange,
                        new SentMessage(
                                "SM" + randomHex(),
                                accountSid,
                                to,
                                from,
                                service,
                                body,
                                form.get("StatusCallback"),
                                Instant.now().plus(clockOffset)));
            }
        }
    }

    /**
     * {@code GET .../Messages.json}: the messages this fake accepted, newest first, filtered by {@code To} as
     * Twilio's list does (one page; the page fields as in Twilio's OpenAPI description).
     */
    private void list(HttpExchange exchange, String accountSid) throws IOException {
        lookups.incrementAndGet();
        Map<String, String> query = parseForm(
                exchange.getRequestURI().getRawQuery() == null
                        ? ""
                        : exchange.getRequestURI().getRawQuery());
        String to = query.get("To");
        List<Map<String, Object>> found = new java.util.ArrayList<>();
        for (SentMessage message : messages.reversed()) {
            if (message.accountSid().equals(accountSid) && (to == null || to.equals(message.to()))) {
                found.add(resource(message));
            }
        }
        String uri = "/2010-04-01/Accounts/" + accountSid + "/Messages.json?PageSize=50&Page=0";
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("messages", found);
        page.put("end", Math.max(0, found.size() - 1));
        page.put("first_page_uri", uri);
        page.put("next_page_uri", null);
        page.put("page", 0);
        page.put("page_size", 50);
        page.put("previous_page_uri", null);
        page.put("start", 0);
        page.put("uri", uri);
        send(exchange, 200, page);
    }

    /** How many times the messages were listed (a lookup before resending a text in doubt). */
    public int lookupCount() {
        return lookups.get();
    }

    private final java.util.concurrent.atomic.AtomicInteger lookups = new java.util.concurrent.atomic.AtomicInteger();

    private void accept(HttpExchange exchange, SentMessage message) throws IOException {
        messages.add(message);
        if (!latency.isZero()) {
            try {
                Thread.sleep(latency);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        send(exchange, 201, resource(message));
    }

    /** A message as Twilio's API shows it. */
    private static Map<String, Object> resource(SentMessage message) {
        String now = RFC_2822.format(message.receivedAt().atOffset(ZoneOffset.UTC));
        String uri = "/2010-04-01/Accounts/" + message.accountSid() + "/Messages/" + message.sid();
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("account_sid", message.accountSid());
        resource.put("api_version", "2010-04-01");
        resource.put("body", message.body());
        resource.put("date_created", now);
        resource.put("date_sent", null);
        resource.put("date_updated", now);
        resource.put("direction", "outbound-api");
        resource.put("error_code", null);
        resource.put("error_message", null);
        resource.put("from", message.from());
        resource.put("messaging_service_sid", message.messagingServiceSid());
        resource.put("num_media", "0");
        resource.put("num_segments", "1");
        resource.put("price", null);
        resource.put("price_unit", "USD");
        resource.put("sid", message.sid());
        resource.put("status", message.messagingServiceSid() != null ? "accepted" : "queued");
        resource.put("subresource_uris", Map.of("media", uri + "/Media.json"));
        resource.put("to", message.to());
        resource.put("uri", uri + ".json");
        return resource;
    }

    private boolean authorised(HttpExchange exchange, String accountSid) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Basic ")) {
            return false;
        }
        String decoded = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
        return decoded.equals(accountSid + ":" + AUTH_TOKEN) && accountSid.equals(ACCOUNT_SID);
    }

    private void error(HttpExchange exchange, int status, int code, String message) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        body.put("more_info", "https://www.twilio.com/docs/errors/" + code);
        body.put("status", status);
        send(exchange, status, body);
    }

    private void send(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.putIfAbsent(key, value);
        }
        return form;
    }

    private static String randomHex() {
        StringBuilder hex = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            hex.append(Character.forDigit(ThreadLocalRandom.current().nextInt(16), 16));
        }
        return hex.toString();
    }
}
