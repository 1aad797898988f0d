package com.seriescare.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.seriescare.deployment.AsyncApiTopics.Topic;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The compose stack as {@code docker-compose config} resolves it with the example env file: valid, clustered like
 * production (three brokers, three replica-set members, every topic provisioned before any service starts) and
 * watched (Prometheus with the rules, Grafana with the dashboard).
 */
class ComposeFileTest {

    static JsonNode compose;

    @BeforeAll
    static void config() {
        assumeTrue(
                Commands.available("docker-compose", "version"),
                "docker-compose is not installed (CI installs Debian's package; see .ci/run)");
        compose = new YAMLMapper()
                .readTree(Commands.run(List.of(
                        "docker-compose",
                        "--env-file",
                        "infra/compose/.env.example",
                        "-f",
                        "infra/compose/docker-compose.yml",
                        "config")));
    }

    static JsonNode service(String name) {
        return compose.path("services").path(name);
    }

    @Test
    void threeKraftBrokersReplicateEverythingThreeTimes() {
        for (String broker : List.of("kafka-1", "kafka-2", "kafka-3")) {
            JsonNode environment = service(broker).path("environment");
            assertThat(environment.path("KAFKA_PROCESS_ROLES").asString()).isEqualTo("broker,controller");
            assertThat(environment.path("KAFKA_CONTROLLER_QUORUM_VOTERS").asString())
                    .isEqualTo("1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093");
            assertThat(environment.path("KAFKA_MIN_INSYNC_REPLICAS").asString()).isEqualTo("2");
            assertThat(environment
                            .path("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR")
                            .asString())
                    .isEqualTo("3");
            assertThat(environment.path("KAFKA_AUTO_CREATE_TOPICS_ENABLE").asString())
                    .isEqualTo("false");
        }
    }

    @Test
    void everyTopicIsCreatedBeforeAnyServiceStarts() {
        String script = DeploymentManifests.read("infra/compose/kafka/create-topics.sh");
        for (Topic topic : AsyncApiTopics.all()) {
            assertThat(script).contains("create " + topic.name() + " " + topic.partitions() + " 3 ");
        }
        assertThat(service("kafka-topics").path("volumes").toString()).contains("create-topics.sh");
        for (String name : AsyncApiTopics.SERVICES) {
            JsonNode service = service(name);
            assertThat(service.path("depends_on")
                            .path("kafka-topics")
                            .path("condition")
                            .asString())
                    .isEqualTo("service_completed_successfully");
            assertThat(service.path("environment")
                            .path("SPRING_CLOUD_STREAM_KAFKA_BINDER_AUTOCREATETOPICS")
                            .asString())
                    .isEqualTo("false");
            assertThat(service.path("environment").path("MONGODB_URI").asString())
                    .contains("replicaSet=rs0");
        }
    }

    @Test
    void aReplicaSetOfThreeInitiatedByTheFileItself() {
        for (String member : List.of("mongo-1", "mongo-2", "mongo-3")) {
            assertThat(service(member).path("command").toString()).contains("--replSet", "rs0");
        }
        assertThat(service("mongo-1").path("healthcheck").path("test").toString())
                .contains("rs.initiate", "mongo-2:27017", "mongo-3:27017");
    }

    @Test
    void notificationServiceRunsTwiceAndSecretsComeFromTheEnvFile() {
        assertThat(service("notification-service")
                        .path("deploy")
                        .path("replicas")
                        .asInt())
                .isEqualTo(2);
        assertThat(service("notification-service")
                        .path("environment")
                        .path("TWILIO_AUTH_TOKEN")
                        .asString())
                .isEqualTo("replace-with-the-auth-token");
    }

    @Test
    void prometheusHasTheAlertRulesAndGrafanaTheDashboard() {
        assertThat(service("prometheus").path("volumes").toString()).contains("alert-rules.yml");
        assertThat(service("grafana").path("volumes").toString()).contains("grafana-dashboard.json");
        String rules = DeploymentManifests.read("infra/observability/alert-rules.yml");
        assertThat(rules)
                .contains(
                        "seriescare_dispatch_lag_seconds_max",
                        "seriescare_dead_letters_total",
                        "seriescare_care_alerts_urgent_unacknowledged_oldest_age_seconds",
                        "seriescare_outbox_oldest_age_seconds",
                        "seriescare_texts_in_doubt");
    }
}
