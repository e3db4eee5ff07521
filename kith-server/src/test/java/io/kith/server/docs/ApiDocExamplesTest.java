package io.kith.server.docs;

import static io.kith.server.testing.TestApi.fields;
import static io.kith.server.testing.TestApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kith.server.testing.Account;
import io.kith.server.testing.KithServerExtension;
import io.kith.server.testing.Reply;
import io.kith.server.testing.TestApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * docs/api.md's full JSON examples name exactly the fields the server answers with (values differ; the shape may
 * not), so a field added to an answer cannot go missing from the docs again.
 */
class ApiDocExamplesTest {
  private static final Path API_MD = Path.of("..", "docs", "api.md");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @RegisterExtension
  static final KithServerExtension SERVER = new KithServerExtension();

  @Test
  void signUpExampleHasEveryFieldOfTheAnswer() throws IOException {
    Reply reply = SERVER.api().post("/v1/accounts", null, json(fields(
        "handle", TestApi.newHandle("alice"), "password", TestApi.PASSWORD, "display_name", "Alice")));
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);

    assertThat(shape(example("### Create two accounts"))).isEqualTo(shape(reply.json()));
  }

  @Test
  void cardExampleHasEveryFieldOfTheAnswer() throws IOException {
    TestApi api = SERVER.api();
    Account alice = api.signUp();
    Account bob = api.signUp();
    api.follow(alice, bob);
    Reply card = api.get("/v1/users/" + bob.id(), alice.token());
    assertThat(card.status()).as("%s", card).isEqualTo(200);

    assertThat(shape(example("### Read cards and counts"))).isEqualTo(shape(card.json()));
  }

  /** The first {@code json} block after {@code heading} in docs/api.md. */
  private static JsonNode example(String heading) throws IOException {
    String doc = Files.readString(API_MD);
    int at = doc.indexOf("\n" + heading + "\n");
    assertThat(at).as("docs/api.md has '%s'", heading).isNotNegative();
    int start = doc.indexOf("```json\n", at) + "```json\n".length();
    return MAPPER.readTree(doc.substring(start, doc.indexOf("\n```", start)));
  }

  /** Every object member's path, e.g. {@code /user/counts/followers}. */
  private static TreeSet<String> shape(JsonNode node) {
    TreeSet<String> paths = new TreeSet<>();
    collect("", node, paths);
    return paths;
  }

  private static void collect(String path, JsonNode node, TreeSet<String> paths) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        String child = path + "/" + member.getKey();
        paths.add(child);
        collect(child, member.getValue(), paths);
      }
    }
  }
}
