package com.seriescare.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.Uuid;

/**
 * A single-node Kafka broker (KRaft, broker and controller in one) run from the Kafka jars as a child process,
 * with its log under the data folder, so topics and offsets survive a restart.
 */
public final class KafkaBroker implements AutoCloseable {

    private final ServiceProcess process;
    private final int port;

    private KafkaBroker(ServiceProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The broker's process id (the benchmarks count its CPU time). */
    public long pid() {
        return process.pid();
    }

    public static KafkaBroker start(Path dataDir, int port, PrintStream out) {
        Path logDir = dataDir.resolve("kafka");
        Path config = dataDir.resolve("kafka-server.properties");
        try {
            Files.createDirectories(logDir);
            Files.writeString(config, serverProperties(logDir, port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String classpath = System.getProperty("java.class.path");
        List<String> jvm = List.of("-Xmx512m", "-Dlog4j2.configurationFile=classpath:log4j2.xml");
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            // first start: format the storage once (KRaft needs a cluster id and a formatted log directory)
            int exit = ServiceProcess.startMain(
                            "kafka-format",
                            classpath,
                            jvm,
                            "kafka.tools.StorageTool",
                            List.of(
                                    "format",
                                    "--standalone",
                                    "-t",
                                    Uuid.randomUuid().toString(),
                                    "-c",
                                    config.toString()),
                            out)
                    .waitForExit(Duration.ofMinutes(2));
            if (exit != 0) {
                throw new IllegalStateException("Formatting Kafka's storage failed (exit " + exit + ")");
            }
        }
        var broker = new KafkaBroker(
                ServiceProcess.startMain("kafka", classpath, jvm, "kafka.Kafka", List.of(config.toString()), out),
                port);
        broker.awaitListening(Duration.ofMinutes(1));
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    private void awaitListening(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka stopped before it was ready (is port " + port + " taken?)");
            }
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("Kafka did not listen on port " + port + " within " + timeout);
    }

    private static String serverProperties(Path logDir, int port) {
        int controllerPort = port + 1;
        return """
                process.roles=broker,controller
                node.id=1
                controller.quorum.bootstrap.servers=127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                log.dirs=%3$s
                num.partitions=3
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                auto.create.topics.enable=true
                """.formatted(port, controllerPort, logDir.toAbsolutePath());
    }

    @Override
    public void close() {
        process.close();
    }
}
