package com.seriescare.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.seriescare.deployment.AsyncApiTopics.Topic;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Both Kustomize overlays, rendered by kubectl as an operator's {@code kubectl apply -k} would, hold what production
 * needs: every Deployment probed and limited, notification-service scaled and every service protected from drains,
 * every AsyncAPI topic provisioned with three replicas, and the form links readable by notification-service alone.
 */
class RenderedManifestsTest {

    @BeforeAll
    static void kubectl() {
        assumeTrue(
                Commands.available("kubectl", "version", "--client"),
                "kubectl is not installed (CI installs it; see .ci/run)");
    }

    static List<JsonNode> render(String overlay) {
        String rendered = Commands.run(List.of("kubectl", "kustomize", "infra/k8s/overlays/" + overlay));
        var yaml = new YAMLMapper();
        return Stream.of(rendered.split("(?m)^---$"))
                .filter(document -> !document.isBlank())
                .map(yaml::readTree)
                .toList();
    }

    static Stream<JsonNode> ofKind(List<JsonNode> objects, String kind) {
        return objects.stream().filter(o -> o.path("kind").asString().equals(kind));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyDeploymentHasBothProbesRequestsAndLimitsAndRunsAsNonRoot(String overlay) {
        var deployments = ofKind(render(overlay), "Deployment").toList();

        assertThat(deployments)
                .extracting(d -> d.path("metadata").path("name").asString())
                .containsExactlyInAnyOrderElementsOf(AsyncApiTopics.SERVICES);
        for (JsonNode deployment : deployments) {
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean())
                    .isTrue();
            for (JsonNode container : pod.path("containers")) {
                String name = container.path("name").asString();
                assertThat(container
                                .path("livenessProbe")
                                .path("httpGet")
                                .path("path")
                                .asString())
                        .as("%s liveness", name)
                        .isEqualTo("/actuator/health/liveness");
                assertThat(container
                                .path("readinessProbe")
                                .path("httpGet")
                                .path("path")
                                .asString())
                        .as("%s readiness", name)
                        .isEqualTo("/actuator/health/readiness");
                assertThat(container
                                .path("resources")
                                .path("limits")
                                .path("memory")
                                .isMissingNode())
                        .as("%s memory limit", name)
                        .isFalse();
                assertThat(container
                                .path("resources")
                                .path("requests")
                                .path("cpu")
                                .isMissingNode())
                        .as("%s cpu request", name)
                        .isFalse();
                assertThat(container.path("image").asString())
                        .as("%s image tag", name)
                        .contains(":");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyServiceHasADisruptionBudgetAndNotificationServiceScales(String overlay) {
        var objects = render(overlay);

        assertThat(ofKind(objects, "PodDisruptionBudget"))
                .extracting(p -> p.path("spec")
                        .path("selector")
                        .path("matchLabels")
                        .path("app.kubernetes.io/name")
                        .asString())
                .containsExactlyInAnyOrderElementsOf(AsyncApiTopics.SERVICES);
        JsonNode autoscaler =
                ofKind(objects, "HorizontalPodAutoscaler").findFirst().orElseThrow();
        assertThat(autoscaler.path("spec").path("scaleTargetRef").path("name").asString())
                .isEqualTo("notification-service");
        assertThat(autoscaler.path("spec").path("minReplicas").asInt()).isGreaterThanOrEqualTo(2);
        int partitions = AsyncApiTopics.all().stream()
                // the topics that carry the load (clinic.settings, compacted and rarely written, has fewer)
                .filter(t -> t.readers().contains("notification-service")
                        && !t.deadLetters()
                        && t.cleanupPolicy().equals("delete"))
                .mapToInt(Topic::partitions)
                .min()
                .orElseThrow();
        assertThat(autoscaler.path("spec").path("maxReplicas").asInt())
                .as("more consumers than partitions would sit idle")
                .isLessThanOrEqualTo(partitions);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyTopicOfTheAsyncApiDocumentIsProvisionedThreeTimesReplicated(String overlay) {
        var topics = ofKind(render(overlay), "KafkaTopic").toList();

        assertThat(topics)
                .extracting(t -> t.path("spec").path("topicName").asString())
                .containsExactlyInAnyOrderElementsOf(
                        AsyncApiTopics.all().stream().map(Topic::name).toList());
        for (JsonNode topic : topics) {
            assertThat(topic.path("spec").path("replicas").asInt())
                    .as(topic.path("spec").path("topicName").asString())
                    .isEqualTo(3);
            assertThat(topic.path("spec")
                            .path("config")
                            .path("min.insync.replicas")
                            .asInt())
                    .isEqualTo(2);
        }
        JsonNode kafka = ofKind(render(overlay), "Kafka").findFirst().orElseThrow();
        assertThat(kafka.path("spec")
                        .path("kafka")
                        .path("config")
                        .path("auto.create.topics.enable")
                        .asBoolean(true))
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void onlyNotificationServiceMayReadTheFormLinksAndOnlySchedulingServiceThePatientsWords(String overlay) {
        var users = ofKind(render(overlay), "KafkaUser").toList();

        assertThat(readersOf(users, "intake.form-links")).containsExactly("notification-service");
        assertThat(readersOf(users, "care.patient-words")).containsExactly("scheduling-service");
        // besides the owner, only a reader that dead-lettered a record may write it back (the re-drive)
        assertThat(writersOf(users, "intake.form-links"))
                .containsExactlyInAnyOrder("intake-service", "notification-service");
        assertThat(writersOf(users, "clinic.settings"))
                .containsExactlyInAnyOrder("scheduling-service", "intake-service", "notification-service");
        assertThat(readersOf(users, "intake.form-links.notification-service.dlq"))
                .containsExactly("notification-service");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void theWebAppFormsAndWebhooksAreServedOverTlsAndTheActuatorIsNot(String overlay) {
        JsonNode ingress = ofKind(render(overlay), "Ingress").findFirst().orElseThrow();

        assertThat(ingress.path("spec").path("tls").path(0).path("hosts").size())
                .isEqualTo(2);
        List<String> paths = ingress.path("spec")
                .path("rules")
                .valueStream()
                .flatMap(rule -> rule.path("http").path("paths").valueStream())
                .map(path -> path.path("path").asString()
                        + " -> "
                        + path.path("backend").path("service").path("name").asString())
                .toList();
        assertThat(paths)
                .contains("/ -> scheduling-service", "/twilio/ -> notification-service", "/f/ -> intake-service")
                .noneMatch(path -> path.startsWith("/actuator"));
    }

    private static List<String> readersOf(List<JsonNode> users, String topic) {
        return usersAllowed(users, topic, "Read");
    }

    private static List<String> writersOf(List<JsonNode> users, String topic) {
        return usersAllowed(users, topic, "Write");
    }

    private static List<String> usersAllowed(List<JsonNode> users, String topic, String operation) {
        return users.stream()
                .filter(user -> user.path("spec")
                        .path("authorization")
                        .path("acls")
                        .valueStream()
                        .anyMatch(acl ->
                                acl.path("resource").path("name").asString().equals(topic)
                                        && acl.path("operations")
                                                .valueStream()
                                                .anyMatch(o -> o.asString().equals(operation))))
                .map(user -> user.path("metadata").path("name").asString())
                .toList();
    }
}
