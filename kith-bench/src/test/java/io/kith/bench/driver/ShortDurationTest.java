package io.kith.bench.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class ShortDurationTest {
  private final ShortDuration converter = new ShortDuration();

  @Test
  void readsTheFormsTheHelpShows() {
    assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(converter.convert("2s")).isEqualTo(Duration.ofSeconds(2));
    assertThat(converter.convert("1m")).isEqualTo(Duration.ofMinutes(1));
    assertThat(converter.convert("PT3S")).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void refusesOtherTextWithTheExpectedForms() {
    assertThatThrownBy(() -> converter.convert("2 hours"))
        .isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("expected: a duration such as 500ms");
  }
}
