package io.kith.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Bad settings fail at once, naming the setting, the value and what was expected; nothing is clamped. */
class KithServerBuilderTest {
  @Test
  void rejectsBadSettingsWithClearMessages() {
    assertThatThrownBy(() -> KithServer.builder().port(70_000))
        .hasMessage("port: 70000 (expected: 0-65535)");
    assertThatThrownBy(() -> KithServer.builder().port(-1))
        .hasMessage("port: -1 (expected: 0-65535)");
    assertThatThrownBy(() -> KithServer.builder().nodeId(1024))
        .hasMessage("nodeId: 1024 (expected: 0-1023)");
    assertThatThrownBy(() -> KithServer.builder().tokenLifetime(Duration.ZERO))
        .hasMessageStartingWith("tokenLifetime: PT0S (expected:");
    assertThatThrownBy(() -> KithServer.builder().argon2(4, 2, 1))
        .hasMessage("argon2 memory: 4 KiB (expected: 8-4194304)");
    assertThatThrownBy(() -> KithServer.builder().argon2(19_456, 0, 1))
        .hasMessage("argon2 iterations: 0 (expected: 1-100)");
    assertThatThrownBy(() -> KithServer.builder().maxRequestBytes(10))
        .hasMessage("maxRequestBytes: 10 (expected: 1024-16777216)");
    assertThatThrownBy(() -> KithServer.builder().blockingThreads(0))
        .hasMessage("blockingThreads: 0 (expected: 1-1024)");
    assertThatThrownBy(() -> KithServer.builder().storeRetries(0, Duration.ZERO))
        .hasMessage("storeRetries attempts: 0 (expected: 1-10)");
    assertThatThrownBy(() -> KithServer.builder().gracefulShutdown(Duration.ofSeconds(5), Duration.ofSeconds(1)))
        .hasMessage("gracefulShutdown timeout: PT1S (expected: >= quietPeriod PT5S)");
    assertThatThrownBy(() -> KithServer.builder().maxFollowing(0))
        .hasMessage("max-following: 0 (expected: 1-100000000)");
    assertThatThrownBy(() -> KithServer.builder().followLimitPerDay(-5))
        .hasMessage("follow-limit-per-day: -5 (expected: 1-100000000)");
    assertThatThrownBy(() -> KithServer.builder().followLimitPerMinute(0))
        .hasMessage("follow-limit-per-minute: 0 (expected: 1-100000000)");
    assertThatThrownBy(() -> KithServer.builder().loginFailureLimit(0))
        .hasMessage("login-failure-limit-per-handle: 0 (expected: 1-100000000)");
    assertThatThrownBy(() -> KithServer.builder().loginFailureLimitPerAddress(0))
        .hasMessage("login-failure-limit-per-address: 0 (expected: 1-100000000)");
    assertThatThrownBy(() -> KithServer.builder().loginKnownAddressDays(366))
        .hasMessage("login-known-address-days: 366 (expected: a whole number of days 1-365)");
    assertThatThrownBy(() -> KithServer.builder().signupLimitPerIpHour(100_000_001))
        .hasMessage("signup-limit-per-ip-hour: 100000001 (expected: 1-100000000)");
    assertThatThrownBy(() -> KithServer.builder().build())
        .hasMessageStartingWith("store: null (expected:");
  }

  @Test
  void badLimitFlagsStopTheServerBeforeItOpensTheStore() {
    for (String[] flag : new String[][] {
        {"--signup-limit-per-ip-hour", "lots", "--signup-limit-per-ip-hour: lots (expected: 1-100000000)"},
        {"--max-following", "0", "--max-following: 0 (expected: 1-100000000)"},
        {"--follow-limit-per-minute", "-1", "--follow-limit-per-minute: -1 (expected: 1-100000000)"},
        {"--trust-forwarded-for", "yes", "--trust-forwarded-for: yes (expected: true or false)"}}) {
      StringWriter err = new StringWriter();
      int code = Main.commandLine().setErr(new PrintWriter(err, true))
          .execute("serve", "--data", "/nonexistent/kith-never-created", flag[0], flag[1]);
      assertThat(code).isEqualTo(2);
      assertThat(err.toString().strip()).isEqualTo("kith: " + flag[2]);
    }
  }

  @Test
  void badLogInLimitFlagsStopTheServerBeforeItOpensTheStore() {
    for (String[] flag : new String[][] {
        {"--login-failure-limit-per-address", "0", "--login-failure-limit-per-address: 0 (expected: 1-100000000)"},
        {"--login-failure-limit-per-handle", "many", "--login-failure-limit-per-handle: many (expected: 1-100000000)"},
        {"--login-known-address-days", "400", "--login-known-address-days: 400 (expected: 1-365 days)"},
        {"--login-known-address-days", "month", "--login-known-address-days: month (expected: 1-365 days)"}}) {
      StringWriter err = new StringWriter();
      int code = Main.commandLine().setErr(new PrintWriter(err, true))
          .execute("serve", "--data", "/nonexistent/kith-never-created", flag[0], flag[1]);
      assertThat(code).isEqualTo(2);
      assertThat(err.toString().strip()).isEqualTo("kith: " + flag[2]);
    }
  }

  @Test
  void badCacheSizesAreRefusedBeforeTheStoreOpens() {
    for (String[] flag : new String[][] {
        {"--relation-cache-mb", "-1", "--relation-cache-mb: -1 (expected: 0-1048576)"},
        {"--block-cache-mb", "4", "--block-cache-mb: 4 (expected: 8-1048576)"},
        {"--relation-cache-mb", "much", "--relation-cache-mb: much (expected: an integer 0-1048576)"},
        {"--user-cache-mb", "-1", "--user-cache-mb: -1 (expected: 0-1048576)"},
        {"--user-cache-mb", "lots", "--user-cache-mb: lots (expected: an integer 0-1048576)"},
        {"--session-cache-size", "-1", "--session-cache-size: -1 (expected: 0-10000000)"},
        {"--session-cache-size", "lots", "--session-cache-size: lots (expected: 0-10000000)"},
        {"--session-cache-seconds", "0", "--session-cache-seconds: 0 (expected: 1-3600 seconds)"},
        {"--session-cache-seconds", "7200", "--session-cache-seconds: 7200 (expected: 1-3600 seconds)"},
        {"--session-cache-seconds", "5s", "--session-cache-seconds: 5s (expected: 1-3600 seconds)"}}) {
      StringWriter err = new StringWriter();
      int code = Main.commandLine().setErr(new PrintWriter(err, true))
          .execute("serve", "--data", "/nonexistent/kith-never-created", flag[0], flag[1]);
      assertThat(code).isEqualTo(2);
      assertThat(err.toString().strip()).isEqualTo("kith: " + flag[2]);
    }
  }
}
