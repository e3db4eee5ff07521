package io.kith.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every flag of {@code kith serve}, {@code kith schema} and {@code kith repair} reports a bad value against the flag
 * as typed and in its own units, {@code --flag: value (expected: ...)}, before anything is opened.
 */
class FlagMessagesTest {
  private static final String NOWHERE = "/nonexistent/kith-never-created";

  private static String run(String... args) {
    StringWriter err = new StringWriter();
    int code = Main.commandLine().setErr(new PrintWriter(err, true)).execute(args);
    assertThat(code).as("%s -> %s", List.of(args), err).isEqualTo(2);
    return err.toString().strip();
  }

  private static String serve(String... flags) {
    List<String> args = new ArrayList<>(List.of("serve", "--data", NOWHERE));
    args.addAll(List.of(flags));
    return run(args.toArray(String[]::new));
  }

  @Test
  void serveNamesTheFlagAndItsUnits() {
    String[][] cases = {
        {"--port", "70000", "--port: 70000 (expected: 0-65535)"},
        {"--port", "http", "--port: http (expected: 0-65535)"},
        {"--node-id", "1024", "--node-id: 1024 (expected: 0-1023)"},
        {"--token-lifetime-days", "0", "--token-lifetime-days: 0 (expected: 1-366 days)"},
        {"--token-lifetime-days", "400", "--token-lifetime-days: 400 (expected: 1-366 days)"},
        {"--argon2-memory-kib", "4", "--argon2-memory-kib: 4 (expected: 8-4194304 KiB)"},
        {"--argon2-iterations", "0", "--argon2-iterations: 0 (expected: 1-100)"},
        {"--max-following", "0", "--max-following: 0 (expected: 1-100000000)"},
        {"--follow-limit-per-day", "lots", "--follow-limit-per-day: lots (expected: 1-100000000)"},
        {"--follow-limit-per-minute", "-1", "--follow-limit-per-minute: -1 (expected: 1-100000000)"},
        {"--login-failure-limit-per-handle", "0", "--login-failure-limit-per-handle: 0 (expected: 1-100000000)"},
        {"--login-failure-limit-per-address", "0", "--login-failure-limit-per-address: 0 (expected: 1-100000000)"},
        {"--login-known-address-days", "0", "--login-known-address-days: 0 (expected: 1-365 days)"},
        {"--signup-limit-per-ip-hour", "１０", "--signup-limit-per-ip-hour: １０ (expected: 1-100000000)"},
        {"--trust-forwarded-for", "yes", "--trust-forwarded-for: yes (expected: true or false)"},
        {"--popular-refresh-minutes", "0", "--popular-refresh-minutes: 0 (expected: 1-1440 minutes)"},
        {"--popular-refresh-minutes", "1441", "--popular-refresh-minutes: 1441 (expected: 1-1440 minutes)"},
        {"--create-schema", "maybe", "--create-schema: maybe (expected: true or false)"},
        {"--sync", "always", "--sync: always (expected: true or false)"},
        {"--block-cache-mb", "4", "--block-cache-mb: 4 (expected: 8-1048576)"},
        {"--relation-cache-mb", "-1", "--relation-cache-mb: -1 (expected: 0-1048576)"},
        {"--relation-cache-mb", "much", "--relation-cache-mb: much (expected: an integer 0-1048576)"},
        {"--store", "mongo", "--store: mongo (expected one of: "},
        {"--cors-origins", "app.example", "--cors-origins: 'app.example' (expected: comma-separated origins"},
        {"--service-token", "fanout", "--service-token: '...' (expected: NAME:"},
        {"--service-tokens-file", NOWHERE, "--service-tokens-file: " + NOWHERE + " (expected: a readable file"},
    };
    for (String[] c : cases) {
      assertThat(serve(c[0], c[1])).as(c[0] + " " + c[1]).startsWith("kith: " + c[2]);
    }
  }

  @Test
  void cassandraSettingsNameTheirFlags() {
    String[][] cases = {
        {"--keyspace", "Bad-Name", "--keyspace: Bad-Name (expected: 1-48 characters"},
        {"--contact-points", "", "--contact-points: "},
        {"--replication", "Everywhere:3", "--replication: "},
        {"--consistency", "MOST", "--consistency: MOST (expected"},
    };
    for (String[] c : cases) {
      assertThat(serve("--store", "cassandra", c[0], c[1])).as("serve " + c[0]).startsWith("kith: " + c[2]);
      assertThat(run("schema", "--store", "cassandra", c[0], c[1])).as("schema " + c[0]).startsWith("kith: " + c[2]);
      assertThat(run("repair", "--store", "cassandra", c[0], c[1])).as("repair " + c[0]).startsWith("kith: " + c[2]);
    }
  }

  @Test
  void maintenanceCommandsNameTheirFlags() {
    assertThat(run("schema")).startsWith("kith: --store: rocksdb (expected: cassandra;");
    assertThat(run("repair", "--store", "cassandra", "--user", "１２")).isEqualTo(
        "kith: --user: １２ (expected: a user id, a positive decimal number)");
  }
}
