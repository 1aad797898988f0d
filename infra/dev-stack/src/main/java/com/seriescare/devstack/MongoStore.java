package com.seriescare.devstack;

import com.seriescare.localstore.LocalStoreBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB-wire-compatible store (mongo-java-server) kept in one H2 file under the data folder, so the services'
 * data survive a restart. A stand-in for the dev stack; production runs real MongoDB.
 */
public final class MongoStore implements AutoCloseable {

    private final H2Backend backend;
    private final MongoServer server;
    private final int port;

    private MongoStore(H2Backend backend, MongoServer server, int port) {
        this.backend = backend;
        this.server = server;
        this.port = port;
    }

    public static MongoStore start(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        H2Backend backend = new LocalStoreBackend(dataDir.resolve("mongo.mv"));
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        return new MongoStore(backend, server, port);
    }

    public String uri() {
        return "mongodb://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.shutdown();
        backend.close();
    }
}
