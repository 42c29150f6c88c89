package kg.neo4j;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.server.CommunityBootstrapper;

/**
 * Runs a Neo4j 5 community server (Bolt, HTTP and Neo4j Browser) bound to
 * 127.0.0.1, with authentication, for kg's tests and for users who have no
 * Neo4j of their own. scripts/neo4j starts it in the background.
 *
 * <p>Arguments: HOME BOLT_PORT HTTP_PORT PAGECACHE. The password of the user
 * neo4j is read from HOME/password. When the server is up and the password
 * is set, the file HOME/ready is written; SIGTERM stops the server cleanly.
 */
public final class Server {
    private Server() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: Server HOME BOLT_PORT HTTP_PORT PAGECACHE");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        String bolt = "127.0.0.1:" + args[1];
        String http = "127.0.0.1:" + args[2];
        String password = Files.readString(home.resolve("password"), StandardCharsets.UTF_8).strip();
        Path ready = home.resolve("ready");
        Files.deleteIfExists(ready);

        Map<String, String> conf = new HashMap<>();
        conf.put("server.directories.data", home.resolve("data").toString());
        conf.put("server.directories.logs", home.resolve("logs").toString());
        conf.put("server.directories.import", home.resolve("import").toString());
        conf.put("server.directories.plugins", home.resolve("plugins").toString());
        conf.put("server.directories.run", home.resolve("run").toString());
        conf.put("server.default_listen_address", "127.0.0.1");
        conf.put("server.default_advertised_address", "127.0.0.1");
        conf.put("server.bolt.enabled", "true");
        conf.put("server.bolt.listen_address", bolt);
        conf.put("server.bolt.advertised_address", bolt);
        conf.put("server.bolt.tls_level", "DISABLED");
        conf.put("server.http.enabled", "true");
        conf.put("server.http.listen_address", http);
        conf.put("server.http.advertised_address", http);
        conf.put("server.https.enabled", "false");
        conf.put("dbms.security.auth_enabled", "true");
        conf.put("server.memory.pagecache.size", args[3]);
        conf.put("dbms.usage_report.enabled", "false");
        // Neither the server nor Neo4j Browser calls out to the Internet.
        conf.put("client.allow_telemetry", "false");
        // A test server: keep little transaction log on disk.
        conf.put("db.tx_log.rotation.retention_policy", "2 files");
        // LOAD CSV reads files under HOME/import only.
        conf.put("dbms.security.allow_csv_import_from_file_urls", "true");

        CommunityBootstrapper server = new CommunityBootstrapper();
        int status = server.start(home, conf);
        if (status != 0) {
            System.err.println("neo4j-server: Neo4j did not start (status " + status + "), see " + home.resolve("logs"));
            System.exit(status);
        }
        try {
            // The first start sets the password of the user neo4j; the marker
            // lives in the data directory, so a fresh data directory sets it again.
            Path marker = home.resolve("data").resolve("kg-password-set");
            if (!Files.exists(marker)) {
                DatabaseManagementService dbms = server.getDatabaseManagementService();
                dbms.database("system").executeTransactionally(
                        "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                        Map.of("password", password));
                Files.writeString(marker, "yes\n", StandardCharsets.UTF_8);
            }
        } catch (Exception e) {
            System.err.println("neo4j-server: setting the password: " + e);
            server.stop();
            System.exit(1);
        }
        Files.writeString(ready, "ready\n", StandardCharsets.UTF_8);
        System.err.println("neo4j-server: ready, Bolt on " + bolt + ", HTTP on " + http);
        new CountDownLatch(1).await(); // until SIGTERM: Neo4j's shutdown hook stops the server
    }
}
