package dev.tracery.neo4jserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilder;
import org.neo4j.harness.Neo4jBuilders;
import org.neo4j.io.ByteUnit;

/**
 * Starts a throw-away Neo4j (Community, in-process test harness) for Tracery's tests and for local use:
 * Bolt on 127.0.0.1, HTTP off, files in a temporary folder; authentication off, or on with one user.
 *
 * <p>When the server is ready it prints exactly one line to standard output,
 * {@code BOLT_URI=bolt://127.0.0.1:PORT}; everything else goes to standard error. It shuts down
 * cleanly on SIGTERM or SIGINT and, with {@code --exit-on-stdin-close}, when its standard input
 * closes (so that it never outlives the process that started it).
 *
 * <pre>
 * Options:
 *   --port=N               Bolt port (default 0: any free port)
 *   --work-dir=PATH        the server's home folder (default: a new temporary folder, deleted on exit)
 *   --data-dir=PATH        keep the databases here, so that a restart finds them again
 *   --page-cache-mb=N      page cache size in MiB (default 256)
 *   --exit-on-stdin-close  stop when standard input reaches end of file
 *   --auth                 authentication on: the user named by TRACERY_NEO4J_SERVER_USER (default
 *                          tracery) is created with the password in TRACERY_NEO4J_SERVER_PASSWORD
 *                          (never on the command line, where other users of the machine could read it)
 * </pre>
 */
public final class TraceryNeo4jServer {
  private static final PrintStream LOG = System.err;

  private final Neo4j neo4j;
  private final Path ownedFolder;
  private boolean stopped;

  private TraceryNeo4jServer(Neo4j neo4j, Path ownedFolder) {
    this.neo4j = neo4j;
    this.ownedFolder = ownedFolder;
  }

  public static void main(String[] args) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      LOG.println("tracery-neo4j-server: " + e.getMessage());
      System.exit(2);
      return;
    }
    TraceryNeo4jServer server;
    try {
      server = start(options);
    } catch (Exception e) {
      LOG.println("tracery-neo4j-server: Neo4j did not start: " + e);
      e.printStackTrace(LOG);
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "tracery-neo4j-shutdown"));
    int port = server.neo4j.boltURI().getPort();
    System.out.println("BOLT_URI=bolt://127.0.0.1:" + port);
    System.out.flush();
    if (options.exitOnStdinClose) watchStdin();
    awaitForever();
  }

  private static TraceryNeo4jServer start(Options options) throws IOException {
    Path ownedFolder = null;
    Path workDir = options.workDir;
    if (workDir == null) {
      ownedFolder = Files.createTempDirectory("tracery-neo4j-");
      workDir = ownedFolder;
    }
    Neo4jBuilder builder = Neo4jBuilders.newInProcessBuilder(workDir)
        .withDisabledServer()
        .withConfig(BoltConnector.enabled, true)
        .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", options.port))
        .withConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", options.port))
        .withConfig(GraphDatabaseSettings.auth_enabled, options.auth)
        // Tests try wrong passwords on purpose; a lock-out would fail the other tests that share the user.
        .withConfig(GraphDatabaseSettings.auth_max_failed_attempts, 0)
        // No usage reports: the server must not talk to anything but its clients on this machine.
        .withConfig(GraphDatabaseSettings.udc_enabled, false)
        .withConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(options.pageCacheMb))
        // Netty's default quiet period makes every stop take ten seconds; a test server has no one to wait for.
        .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
        .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2));
    if (options.dataDir != null) {
      Files.createDirectories(options.dataDir);
      builder = builder.withConfig(GraphDatabaseSettings.data_directory, options.dataDir.toAbsolutePath());
    }
    try {
      Neo4j neo4j = builder.build();
      if (options.auth) createUser(neo4j);
      return new TraceryNeo4jServer(neo4j, ownedFolder);
    } catch (RuntimeException e) {
      if (ownedFolder != null) deleteRecursively(ownedFolder);
      throw e;
    }
  }

  /**
   * Creates (or, on a kept data folder, updates) the one user, through the embedded API, which is
   * not subject to authentication. Community Edition has users without roles: this one may do everything.
   */
  private static void createUser(Neo4j neo4j) {
    String user = System.getenv().getOrDefault("TRACERY_NEO4J_SERVER_USER", "tracery");
    String password = System.getenv("TRACERY_NEO4J_SERVER_PASSWORD");
    if (password == null || password.length() < 8) {
      neo4j.close();
      throw new IllegalArgumentException("--auth needs TRACERY_NEO4J_SERVER_PASSWORD (8 characters or more).");
    }
    neo4j.databaseManagementService().database("system").executeTransactionally(
        "CREATE OR REPLACE USER $user SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED",
        Map.of("user", user, "password", password));
  }

  private synchronized void stop() {
    if (stopped) return;
    stopped = true;
    try {
      neo4j.close();
    } catch (RuntimeException e) {
      LOG.println("tracery-neo4j-server: error while stopping Neo4j: " + e);
    }
    if (ownedFolder != null) deleteRecursively(ownedFolder);
    LOG.println("tracery-neo4j-server: stopped");
  }

  private static void watchStdin() {
    Thread watcher = new Thread(() -> {
      InputStream in = System.in;
      try {
        while (in.read() != -1) {
          // Input is ignored; only its end matters.
        }
      } catch (IOException e) {
        // A broken pipe means the parent is gone, which is the same as end of file.
      }
      LOG.println("tracery-neo4j-server: standard input closed, stopping");
      System.exit(0);
    }, "tracery-neo4j-stdin");
    watcher.setDaemon(true);
    watcher.start();
  }

  private static void awaitForever() {
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void deleteRecursively(Path folder) {
    if (!Files.exists(folder)) return;
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.deleteIfExists(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      LOG.println("tracery-neo4j-server: could not delete " + folder + ": " + e);
    }
  }

  /** The command line, parsed. */
  private record Options(
      int port, Path workDir, Path dataDir, long pageCacheMb, boolean exitOnStdinClose, boolean auth) {
    static Options parse(String[] args) {
      int port = 0;
      Path workDir = null;
      Path dataDir = null;
      long pageCacheMb = 256;
      boolean exitOnStdinClose = false;
      boolean auth = false;
      for (String arg : args) {
        if (arg.equals("--exit-on-stdin-close")) {
          exitOnStdinClose = true;
        } else if (arg.equals("--auth")) {
          auth = true;
        } else if (arg.startsWith("--port=")) {
          port = parseNumber(arg, 0, 65535);
        } else if (arg.startsWith("--work-dir=")) {
          workDir = Path.of(value(arg));
        } else if (arg.startsWith("--data-dir=")) {
          dataDir = Path.of(value(arg));
        } else if (arg.startsWith("--page-cache-mb=")) {
          pageCacheMb = parseNumber(arg, 8, 1 << 20);
        } else {
          throw new IllegalArgumentException("unknown argument \"" + arg + "\"; see the class documentation.");
        }
      }
      return new Options(port, workDir, dataDir, pageCacheMb, exitOnStdinClose, auth);
    }

    private static String value(String arg) {
      String value = arg.substring(arg.indexOf('=') + 1);
      if (value.isEmpty()) throw new IllegalArgumentException("argument \"" + arg + "\" needs a value.");
      return value;
    }

    private static int parseNumber(String arg, int min, int max) {
      try {
        int n = Integer.parseInt(value(arg));
        if (n < min || n > max) throw new NumberFormatException();
        return n;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "argument \"" + arg + "\" needs a whole number from " + min + " to " + max + ".");
      }
    }
  }
}
