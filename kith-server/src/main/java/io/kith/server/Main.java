package io.kith.server;

import io.kith.core.KithException;
import io.kith.core.UserId;
import io.kith.core.limit.LoginLimits;
import io.kith.core.spi.KithStore;
import io.kith.core.spi.StoreConfig;
import io.kith.core.spi.StoreProvider;
import io.kith.server.internal.auth.ServiceTokens;
import io.kith.server.internal.http.CorsOrigins;
import io.kith.store.cassandra.CassandraMaintenance;
import io.kith.store.cassandra.Recount;
import io.kith.store.cassandra.RepairReport;
import io.kith.store.cassandra.SchemaReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code kith} command line. */
@Command(name = "kith", mixinStandardHelpOptions = true,
    subcommands = {Main.Serve.class, Main.Schema.class, Main.Repair.class},
    description = "Kith: accounts, profiles and the follow graph over HTTP/JSON.")
public final class Main {
  private static final Logger log = LoggerFactory.getLogger(Main.class);

  public static void main(String[] args) {
    int code = commandLine().execute(args);
    // A running server returns 0 only after it stopped; calling System.exit(0) from there could race the
    // shutdown hook, so serve exits explicitly only on failure. The one-shot commands exit at once (a driver's
    // threads may otherwise linger a moment after they closed their client).
    boolean serving = args.length > 0 && "serve".equals(args[0]);
    if (code != 0 || !serving) {
      System.exit(code);
    }
  }

  static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
      if (e instanceof IllegalArgumentException) {
        cmd.getErr().println("kith: " + e.getMessage());
        return 2;
      }
      String what = cmd.getCommandName();
      cmd.getErr().println("kith " + what + ": failed: " + e);
      log.error("{} failed", what, e);
      return 1;
    });
    return commandLine;
  }

  /** The storage settings every command shares: which backend, and where a Cassandra/ScyllaDB cluster is. */
  static final class StoreOptions {
    @Option(names = "--store", defaultValue = "${env:KITH_STORE:-rocksdb}",
        description = "Storage backend (env KITH_STORE, default ${DEFAULT-VALUE}).")
    String store;

    @Option(names = "--contact-points", defaultValue = "${env:KITH_CONTACT_POINTS:-127.0.0.1:9042}",
        description = "Cassandra/ScyllaDB nodes, host[:port],... (store cassandra; env KITH_CONTACT_POINTS).")
    String contactPoints;

    @Option(names = "--keyspace", defaultValue = "${env:KITH_KEYSPACE:-kith}",
        description = "Cassandra keyspace (env KITH_KEYSPACE, default ${DEFAULT-VALUE}).")
    String keyspace;

    @Option(names = "--local-datacenter", defaultValue = "${env:KITH_LOCAL_DATACENTER:-datacenter1}",
        description = "Cassandra datacenter this node talks to (env KITH_LOCAL_DATACENTER, default ${DEFAULT-VALUE}).")
    String localDatacenter;

    @Option(names = "--replication", defaultValue = "${env:KITH_REPLICATION:-SimpleStrategy:1}",
        description = "Keyspace replication when Kith creates it: SimpleStrategy:N or "
            + "NetworkTopologyStrategy:dc1=N,... (env KITH_REPLICATION, default ${DEFAULT-VALUE}).")
    String replication;

    @Option(names = "--consistency", defaultValue = "${env:KITH_CONSISTENCY:-QUORUM}",
        description = "Cassandra consistency of reads and writes (env KITH_CONSISTENCY, default ${DEFAULT-VALUE}).")
    String consistency;

    /** The settings for the store, each backend reading those it knows, plus {@code extra}. */
    StoreConfig config(Map<String, String> extra) {
      Map<String, String> config = new HashMap<>(Map.of("contact_points", contactPoints, "keyspace", keyspace,
          "local_datacenter", localDatacenter, "replication", replication, "consistency", consistency));
      config.putAll(extra);
      return StoreConfig.of(config);
    }

    /** Opens the cluster for maintenance; a bad setting is reported against its flag. */
    CassandraMaintenance openMaintenance() {
      try {
        return CassandraMaintenance.open(config(Map.of()));
      } catch (IllegalArgumentException e) {
        throw FlagValues.renamed(e);
      }
    }

    /** Fails unless the store is Cassandra; {@code why} says why the command has nothing to do on the others. */
    void requireCassandra(String why) {
      if (!"cassandra".equals(store)) {
        throw new IllegalArgumentException("--store: " + store + " (expected: cassandra; " + why + ")");
      }
    }
  }

  @Command(name = "schema", mixinStandardHelpOptions = true,
      description = {"Create the Cassandra keyspace (with --replication) and every table Kith needs, if missing, "
          + "then exit. An existing keyspace keeps its replication; existing tables are left as they are.",
          "For deployments where servers run with --create-schema false."})
  static final class Schema implements Callable<Integer> {
    @Mixin
    StoreOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      options.requireCassandra("the RocksDB store creates its data directory when it opens");
      SchemaReport report;
      try {
        report = CassandraMaintenance.createSchema(options.config(Map.of()));
      } catch (IllegalArgumentException e) {
        throw FlagValues.renamed(e);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println("keyspace " + report.keyspace() + ": " + (report.keyspaceCreated() ? "created" : "exists")
          + ", replication " + report.replication()
          + (report.keyspaceCreated() ? "" : " (kept: --replication applies only when creating it)"));
      out.println("tables: " + report.tablesCreated().size() + " created" + (report.tablesCreated().isEmpty() ? ""
          : " " + report.tablesCreated()) + ", " + report.tablesFound().size() + " already there");
      out.flush();
      return 0;
    }
  }

  @Command(name = "repair", mixinStandardHelpOptions = true,
      description = {"Finish what was left half-done (pair changes pending after a node died or a call timed out, "
          + "account deletions, private-to-public approvals), then recount users' followers, following and friends "
          + "from their lists and correct every count that is off. Safe while servers run.",
          "Exits 1 if some user's relations kept changing while it was recounted (run again), 0 otherwise."})
  static final class Repair implements Callable<Integer> {
    @Mixin
    StoreOptions options;

    @Option(names = "--user", paramLabel = "ID",
        description = "Recount only this user (repeatable); default: every user.")
    List<String> users;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      options.requireCassandra("the RocksDB store finishes interrupted work when it opens, and keeps each count "
          + "in the same atomic write as its edges");
      List<UserId> only = new ArrayList<>();
      for (String text : users == null ? List.<String>of() : users) {
        try {
          only.add(UserId.parse("user", text));
        } catch (KithException e) {
          throw new IllegalArgumentException("--user: " + text + " (expected: a user id, a positive decimal number)");
        }
      }
      PrintWriter out = spec.commandLine().getOut();
      try (CassandraMaintenance maintenance = options.openMaintenance()) {
        for (UserId user : only) {
          if (maintenance.user(user).isEmpty()) {
            throw new IllegalArgumentException("--user: " + user.value() + " (expected: the id of an existing user)");
          }
        }
        RepairReport repaired = maintenance.repair();
        out.println("repair: finished " + repaired.pairChanges() + " pending pair changes, " + repaired.deletions()
            + " account deletions, " + repaired.approvals() + " private-to-public approvals");
        out.flush();
        AtomicLong fixed = new AtomicLong();
        AtomicLong busy = new AtomicLong();
        java.util.function.Consumer<Recount> report = recount -> {
          switch (recount.status()) {
            case FIXED -> {
              fixed.incrementAndGet();
              out.println("user " + recount.user().value() + ": fixed: counts were " + recount.stored()
                  + "; lists hold " + recount.counted());
            }
            case BUSY -> {
              busy.incrementAndGet();
              out.println("user " + recount.user().value() + ": not checked, its relations kept changing;"
                  + " run again");
            }
            case EXACT -> { }
          }
          out.flush();
        };
        long checked;
        if (only.isEmpty()) {
          checked = maintenance.recountAll(report);
        } else {
          only.forEach(user -> report.accept(maintenance.recount(user)));
          checked = only.size();
        }
        out.println("recount: " + checked + " users checked, " + fixed.get() + " fixed, " + busy.get() + " busy");
        out.flush();
        return busy.get() > 0 ? 1 : 0;
      }
    }
  }

  @Command(name = "serve", mixinStandardHelpOptions = true,
      description = "Serve the API until SIGTERM or Ctrl-C, then shut down gracefully.")
  static final class Serve implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "${env:KITH_PORT:-8080}",
        description = "HTTP port, 0 for any free one (env KITH_PORT, default ${DEFAULT-VALUE}).")
    String port;

    @Option(names = "--data", defaultValue = "${env:KITH_DATA:-./data}",
        description = "Data directory (env KITH_DATA, default ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--sync", defaultValue = "${env:KITH_SYNC:-true}",
        description = "fsync every write: true or false (env KITH_SYNC, default ${DEFAULT-VALUE}).")
    String sync;

    @Option(names = "--block-cache-mb", defaultValue = "${env:KITH_BLOCK_CACHE_MB:-256}",
        description = "RocksDB block cache in MiB, 8 or more (env KITH_BLOCK_CACHE_MB, default ${DEFAULT-VALUE}).")
    String blockCacheMb;

    @Option(names = "--relation-cache-mb", defaultValue = "${env:KITH_RELATION_CACHE_MB:-256}",
        description = "RocksDB store: MiB of users' relation lists and counts kept in memory for relationship and"
            + " count reads; 0 turns it off (env KITH_RELATION_CACHE_MB, default ${DEFAULT-VALUE}).")
    String relationCacheMb;

    @Option(names = "--user-cache-mb", defaultValue = "${env:KITH_USER_CACHE_MB:-64}",
        description = "RocksDB store: MiB of user records (profiles) kept in memory for user and author-card reads;"
            + " 0 turns it off (env KITH_USER_CACHE_MB, default ${DEFAULT-VALUE}).")
    String userCacheMb;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--create-schema", defaultValue = "${env:KITH_CREATE_SCHEMA:-true}",
        description = "Create the Cassandra keyspace and tables if missing: true or false; false makes a missing "
            + "schema an error (create it with `kith schema`) (env KITH_CREATE_SCHEMA, default ${DEFAULT-VALUE}).")
    String createSchema;

    @Option(names = "--node-id", defaultValue = "${env:KITH_NODE_ID:-0}",
        description = "Preferred id-generator node, 0-1023: each server leases a free node id from the store at start,"
            + " this one if free, so servers sharing a store may all keep the default (env KITH_NODE_ID, default"
            + " ${DEFAULT-VALUE}).")
    String nodeId;

    @Option(names = "--token-lifetime-days", defaultValue = "${env:KITH_TOKEN_LIFETIME_DAYS:-30}",
        description = "Session lifetime in days (env KITH_TOKEN_LIFETIME_DAYS, default ${DEFAULT-VALUE}).")
    String tokenLifetimeDays;

    @Option(names = "--argon2-memory-kib", defaultValue = "${env:KITH_ARGON2_MEMORY_KIB:-19456}",
        description = "Argon2id memory per password hash in KiB (env KITH_ARGON2_MEMORY_KIB).")
    String argon2MemoryKiB;

    @Option(names = "--argon2-iterations", defaultValue = "${env:KITH_ARGON2_ITERATIONS:-2}",
        description = "Argon2id iterations (env KITH_ARGON2_ITERATIONS).")
    String argon2Iterations;

    @Option(names = "--max-following", defaultValue = "${env:KITH_MAX_FOLLOWING:-10000}",
        description = "Most accounts one user may follow (env KITH_MAX_FOLLOWING, default ${DEFAULT-VALUE}).")
    String maxFollowing;

    @Option(names = "--follow-limit-per-day", defaultValue = "${env:KITH_FOLLOW_LIMIT_PER_DAY:-200}",
        description = "Follows and follow requests per user per rolling 24 hours "
            + "(env KITH_FOLLOW_LIMIT_PER_DAY, default ${DEFAULT-VALUE}).")
    String followLimitPerDay;

    @Option(names = "--follow-limit-per-minute", defaultValue = "${env:KITH_FOLLOW_LIMIT_PER_MINUTE:-30}",
        description = "Follows and follow requests per user per rolling minute "
            + "(env KITH_FOLLOW_LIMIT_PER_MINUTE, default ${DEFAULT-VALUE}).")
    String followLimitPerMinute;

    @Option(names = "--login-failure-limit-per-handle",
        defaultValue = "${env:KITH_LOGIN_FAILURE_LIMIT_PER_HANDLE:-30}",
        description = "Failed log-ins per handle from all client IPs together per rolling 15 minutes before "
            + "log-in is refused from IPs not known to the account "
            + "(env KITH_LOGIN_FAILURE_LIMIT_PER_HANDLE, default ${DEFAULT-VALUE}).")
    String loginFailureLimit;

    @Option(names = "--login-failure-limit-per-address",
        defaultValue = "${env:KITH_LOGIN_FAILURE_LIMIT_PER_ADDRESS:-10}",
        description = "Failed log-ins per handle from one client IP (IPv6: per /64) per rolling 15 minutes before "
            + "that address is refused for that handle (env KITH_LOGIN_FAILURE_LIMIT_PER_ADDRESS, "
            + "default ${DEFAULT-VALUE}).")
    String loginFailureLimitPerAddress;

    @Option(names = "--login-known-address-days", defaultValue = "${env:KITH_LOGIN_KNOWN_ADDRESS_DAYS:-30}",
        description = "Days a successful log-in or sign-up keeps its client IP known to the account, exempt from "
            + "--login-failure-limit-per-handle (env KITH_LOGIN_KNOWN_ADDRESS_DAYS, default ${DEFAULT-VALUE}).")
    String loginKnownAddressDays;

    @Option(names = "--signup-limit-per-ip-hour", defaultValue = "${env:KITH_SIGNUP_LIMIT_PER_IP_HOUR:-20}",
        description = "Accounts created per client IP per rolling hour "
            + "(env KITH_SIGNUP_LIMIT_PER_IP_HOUR, default ${DEFAULT-VALUE}).")
    String signupLimitPerIpHour;

    @Option(names = "--trust-forwarded-for", defaultValue = "${env:KITH_TRUST_FORWARDED_FOR:-false}",
        description = "Take the client IP from X-Forwarded-For/Forwarded; only behind a proxy that sets them: "
            + "true or false (env KITH_TRUST_FORWARDED_FOR, default ${DEFAULT-VALUE}).")
    String trustForwardedFor;

    @Option(names = "--service-token", paramLabel = "NAME:SCOPES:SHA256HEX",
        description = "A service token for internal callers, repeatable: its name, comma-separated scopes "
            + "(followers:read, following:read) and the SHA-256 (hex) of the token; never the token itself "
            + "(env KITH_SERVICE_TOKENS, specs separated by spaces or ';', used when no flag is given).")
    List<String> serviceTokens;

    @Option(names = "--service-tokens-file", defaultValue = "${env:KITH_SERVICE_TOKENS_FILE}",
        description = "A file of service-token specs, one a line, '#' comments (env KITH_SERVICE_TOKENS_FILE).")
    Path serviceTokensFile;

    @Option(names = "--popular-refresh-minutes", defaultValue = "${env:KITH_POPULAR_REFRESH_MINUTES:-10}",
        description = "Minutes between scans that rank popular accounts for suggestions "
            + "(env KITH_POPULAR_REFRESH_MINUTES, default ${DEFAULT-VALUE}).")
    String popularRefreshMinutes;

    @Option(names = "--cors-origins", defaultValue = "${env:KITH_CORS_ORIGINS:-}", paramLabel = "ORIGINS",
        description = "Web origins whose pages may call the API from a browser (CORS), comma-separated, e.g. "
            + "https://app.example.com; none by default (env KITH_CORS_ORIGINS).")
    String corsOrigins;

    @Option(names = "--session-cache-size", defaultValue = "${env:KITH_SESSION_CACHE_SIZE:-100000}",
        description = "Sessions kept in memory so that a request skips the session read; 0 turns it off "
            + "(env KITH_SESSION_CACHE_SIZE, default ${DEFAULT-VALUE}).")
    String sessionCacheSize;

    @Option(names = "--session-cache-seconds", defaultValue = "${env:KITH_SESSION_CACHE_SECONDS:-5}",
        description = "Seconds a cached session is kept, 1-3600: a log-out through another server sharing the "
            + "store is refused here within this (env KITH_SESSION_CACHE_SECONDS, default ${DEFAULT-VALUE}).")
    String sessionCacheSeconds;

    @Override
    public Integer call() {
      // Validate the server's settings before opening (and locking) the store.
      // Each value is checked in the flag's own units, and a bad one reported against the flag.
      KithServerBuilder builder = KithServer.builder()
          .port((int) FlagValues.wholeNumber("--port", port, 0, 65_535, ""))
          .nodeId((int) FlagValues.wholeNumber("--node-id", nodeId, 0, 1023, ""))
          .tokenLifetime(Duration.ofDays(FlagValues.wholeNumber("--token-lifetime-days", tokenLifetimeDays, 1,
              366, "days")))
          .argon2((int) FlagValues.wholeNumber("--argon2-memory-kib", argon2MemoryKiB, 8, 4L * 1024 * 1024, "KiB"),
              (int) FlagValues.wholeNumber("--argon2-iterations", argon2Iterations, 1, 100, ""), 1)
          .maxFollowing(parseLimit("--max-following", maxFollowing))
          .followLimitPerDay(parseLimit("--follow-limit-per-day", followLimitPerDay))
          .followLimitPerMinute(parseLimit("--follow-limit-per-minute", followLimitPerMinute))
          .loginFailureLimit(parseLimit("--login-failure-limit-per-handle", loginFailureLimit))
          .loginFailureLimitPerAddress(parseLimit("--login-failure-limit-per-address", loginFailureLimitPerAddress))
          .loginKnownAddressDays(FlagValues.wholeNumber("--login-known-address-days", loginKnownAddressDays, 1,
              LoginLimits.MAX_KNOWN_ADDRESS_DAYS, "days"))
          .signupLimitPerIpHour(parseLimit("--signup-limit-per-ip-hour", signupLimitPerIpHour))
          .trustForwardedFor(FlagValues.bool("--trust-forwarded-for", trustForwardedFor))
          .popularRefreshInterval(Duration.ofMinutes(
              FlagValues.wholeNumber("--popular-refresh-minutes", popularRefreshMinutes, 1, 1440, "minutes")))
          .sessionCache(FlagValues.wholeNumber("--session-cache-size", sessionCacheSize, 0,
                  KithServerBuilder.MAX_SESSION_CACHE_SIZE, ""),
              Duration.ofSeconds(FlagValues.wholeNumber("--session-cache-seconds", sessionCacheSeconds, 1,
                  KithServerBuilder.MAX_SESSION_CACHE_TTL.toSeconds(), "seconds")));
      if (!corsOrigins.isBlank()) {
        builder.corsOrigins(CorsOrigins.parse("--cors-origins", corsOrigins));
      }
      for (String spec : serviceTokenSpecs()) {
        try {
          builder.serviceToken(spec);
        } catch (IllegalArgumentException e) {
          throw FlagValues.renamed(e);
        }
      }
      // Each backend reads the settings it knows (RocksDB: path, sync; Cassandra: the cluster's).
      boolean create = FlagValues.bool("--create-schema", createSchema);
      FlagValues.bool("--sync", sync);
      KithStore kithStore;
      try {
        kithStore = StoreProvider.named(storeOptions.store).open(storeOptions.config(Map.of(
            "path", data.toString(), "sync", sync, "create_schema", Boolean.toString(create),
            "block_cache_mb", blockCacheMb, "relation_cache_mb", relationCacheMb,
            "user_cache_mb", userCacheMb)));
      } catch (IllegalArgumentException e) {
        throw FlagValues.renamed(e);
      }
      // Registered before the server starts so a SIGTERM at any point still closes the store cleanly.
      AtomicReference<KithServer> running = new AtomicReference<>();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        KithServer server = running.get();
        if (server != null) {
          log.info("shutting down: finishing in-flight requests");
          server.stop();
        }
        kithStore.close();
        log.info("stopped; store closed");
      }, "kith-shutdown"));
      KithServer server = builder.store(kithStore).build();
      running.set(server);
      server.start();
      String where = "cassandra".equals(storeOptions.store)
          ? "keyspace " + storeOptions.keyspace + " at " + storeOptions.contactPoints
          : "data: " + data.toAbsolutePath().normalize();
      System.out.println("Kith listening on http://localhost:" + server.port() + " (" + where + ")");
      System.out.flush();
      server.awaitStop();
      return 0;
    }

    /** The flags' specs, or else those of KITH_SERVICE_TOKENS; then those of the tokens file, if any. */
    private List<String> serviceTokenSpecs() {
      List<String> specs = new ArrayList<>();
      if (serviceTokens != null) {
        specs.addAll(serviceTokens);
      } else {
        String env = System.getenv("KITH_SERVICE_TOKENS");
        if (env != null) {
          specs.addAll(ServiceTokens.specs(env));
        }
      }
      if (serviceTokensFile != null) {
        String text;
        try {
          text = Files.readString(serviceTokensFile);
        } catch (IOException e) {
          throw new IllegalArgumentException("--service-tokens-file: " + serviceTokensFile + " (expected: a readable "
              + "file: " + e.getMessage() + ")");
        }
        specs.addAll(ServiceTokens.specs(text));
      }
      return specs;
    }

    private static long parseLimit(String flag, String text) {
      return FlagValues.wholeNumber(flag, text, 1, KithServerBuilder.MAX_LIMIT, "");
    }
  }
}
