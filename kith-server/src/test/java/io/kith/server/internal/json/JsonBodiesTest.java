package io.kith.server.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kith.core.KithException;
import io.kith.server.internal.api.wire.MuteOptions;
import io.kith.server.internal.api.wire.ProfileChanges;
import io.kith.server.internal.api.wire.SignUp;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Request bodies are read into records by the strict rules, and each refusal says what to fix and where. */
class JsonBodiesTest {
  private static KithException refusal(String body, Class<?> type) {
    return catchThrowableOfType(KithException.class,
        () -> JsonBodies.read(body.getBytes(StandardCharsets.UTF_8), type));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      malformed            | {"handle": "x", "password":                | request body is not valid JSON (line 1, column 28) |
      trailing tokens      | {"handle": "x"} {}                         | request body is not valid JSON (line 1, column 17) |
      duplicate key        | {"handle": "x", "handle": "y"}             | request body is not valid JSON (line 1, column 25) |
      not an object        | ["handle"]                                 | request body must be a JSON object |
      null                 | null                                       | request body must be a JSON object |
      blank                | `  `                                       | request body must be a JSON object |
      malformed non-object | [1,                                        | request body is not valid JSON (line 1, column 4) |
      empty                | ``                                         | request body is required: a JSON object |
      unknown field        | {"handle": "x", "admin": true}             | unknown field 'admin' (expected one of: display_name, handle, password) | admin
      field name not text  | {"a\\ud800": 1}                            | a field name is not valid Unicode text |
      number for string    | {"handle": 12}                             | handle must be a string | handle
      float for string     | {"handle": 1.5}                            | handle must be a string | handle
      boolean for string   | {"handle": true}                           | handle must be a string | handle
      null for string      | {"handle": null}                           | handle must be a string | handle
      array for string     | {"handle": ["x"]}                          | handle must be a string | handle
      object for string    | {"handle": {"a": 1}}                       | handle must be a string | handle
      unpaired surrogate   | {"password": "abc\\ud800"}                 | password must be valid Unicode text (it has an unpaired surrogate) | password
      """)
  void signUpBodies(String name, String body, String detail, String field) {
    KithException refused = refusal(body, SignUp.class);
    assertThat(refused.detail()).isEqualTo(detail);
    assertThat(refused.field()).isEqualTo(field);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      string for boolean   | {"private": "true"}           | private must be true or false | private
      number for boolean   | {"discoverable": 1}           | discoverable must be true or false | discoverable
      null for boolean     | {"private": null}             | private must be true or false | private
      number for nullable  | {"avatar_url": 5}             | avatar_url must be a string or null | avatar_url
      null for string      | {"bio": null}                 | bio must be a string | bio
      """)
  void profileBodies(String name, String body, String detail, String field) {
    KithException refused = refusal(body, ProfileChanges.class);
    assertThat(refused.detail()).isEqualTo(detail);
    assertThat(refused.field()).isEqualTo(field);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      fraction             | {"duration_seconds": 1.5}                   | duration_seconds must be a whole number
      exponent             | {"duration_seconds": 1e3}                   | duration_seconds must be a whole number
      string               | {"duration_seconds": "60"}                  | duration_seconds must be a whole number
      null                 | {"duration_seconds": null}                  | duration_seconds must be a whole number
      beyond 64 bits       | {"duration_seconds": 99999999999999999999}  | duration_seconds must be a whole number
      boolean              | {"duration_seconds": false}                 | duration_seconds must be a whole number
      """)
  void muteBodies(String name, String body, String detail) {
    KithException refused = refusal(body, MuteOptions.class);
    assertThat(refused.detail()).isEqualTo(detail);
    assertThat(refused.field()).isEqualTo("duration_seconds");
  }

  @Test
  void patchTellsAbsentFromNullFromAValue() {
    ProfileChanges none = JsonBodies.read("{}".getBytes(StandardCharsets.UTF_8), ProfileChanges.class);
    assertThat(none.avatarUrl().isPresent()).isFalse();
    assertThat(none.bio()).isNull();
    assertThat(none.isPrivate()).isNull();
    ProfileChanges removed = JsonBodies.read("{\"avatar_url\": null}".getBytes(StandardCharsets.UTF_8),
        ProfileChanges.class);
    assertThat(removed.avatarUrl().isPresent()).isTrue();
    assertThat(removed.avatarUrl().orElseNull()).isNull();
    ProfileChanges set = JsonBodies.read(
        "{\"avatar_url\": \"https://a.example/x.png\", \"private\": true, \"bio\": \"\"}"
            .getBytes(StandardCharsets.UTF_8), ProfileChanges.class);
    assertThat(set.avatarUrl().orElseNull()).isEqualTo("https://a.example/x.png");
    assertThat(set.isPrivate()).isTrue();
    assertThat(set.bio()).isEmpty();
  }

  @Test
  void wholeNumbersUpTo64BitsAreRead() {
    MuteOptions mute = JsonBodies.read("{\"duration_seconds\": 9223372036854775807}"
        .getBytes(StandardCharsets.UTF_8), MuteOptions.class);
    assertThat(mute.durationSeconds()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void requiredFieldsLeftOutAreNamed() {
    SignUp body = JsonBodies.read("{\"password\": \"12345678\"}".getBytes(StandardCharsets.UTF_8), SignUp.class);
    KithException missing = catchThrowableOfType(KithException.class,
        () -> JsonBodies.required("handle", body.handle()));
    assertThat(missing.detail()).isEqualTo("handle is required");
    assertThat(missing.field()).isEqualTo("handle");
  }
}
