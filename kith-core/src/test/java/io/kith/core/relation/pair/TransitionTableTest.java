package io.kith.core.relation.pair;

import static io.kith.core.relation.pair.Shapes.A;
import static io.kith.core.relation.pair.Shapes.B;
import static io.kith.core.relation.pair.Shapes.NOW;
import static io.kith.core.relation.pair.Shapes.accounts;
import static io.kith.core.relation.pair.Shapes.flags;
import static io.kith.core.relation.pair.Shapes.state;
import static io.kith.core.relation.pair.Shapes.time;
import static io.kith.core.relation.pair.Shapes.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kith.core.ErrorCode;
import io.kith.core.KithException;
import io.kith.core.UserId;
import io.kith.core.event.EventType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The relation rules as a table: each row is one verb by one actor (on the other user) from one pair state, and
 * the outcome, the state after and the events it must make. States per direction as in {@link Shapes}; "private"
 * names the private accounts.
 */
class TransitionTableTest {

  @ParameterizedTest(name = "{0} by {1} from a>b:{2} b>a:{3} (private: {4}) -> {5}, a>b:{6} b>a:{7}, {8}")
  @CsvSource(delimiter = '|', textBlock = """
      # verb         | actor | a>b | b>a | private | outcome           | a>b' | b>a' | events
      FOLLOW          | a | -  | -  | -  | FOLLOWED          | f  | -  | FOLLOW a b
      FOLLOW          | a | -  | f  | -  | FOLLOWED          | f  | f  | FOLLOW a b
      FOLLOW          | a | m  | -  | -  | FOLLOWED          | fm | -  | FOLLOW a b
      FOLLOW          | a | f  | -  | -  | ALREADY_FOLLOWING | f  | -  | -
      FOLLOW          | a | f  | -  | b  | ALREADY_FOLLOWING | f  | -  | -
      FOLLOW          | a | -  | -  | b  | REQUESTED         | r  | -  | FOLLOW_REQUESTED a b
      FOLLOW          | a | -  | f  | b  | REQUESTED         | r  | f  | FOLLOW_REQUESTED a b
      FOLLOW          | a | r  | -  | b  | ALREADY_REQUESTED | r  | -  | -
      FOLLOW          | a | r  | -  | -  | FOLLOWED          | f  | -  | FOLLOW a b
      FOLLOW          | b | -  | -  | a  | REQUESTED         | -  | r  | FOLLOW_REQUESTED b a
      UNFOLLOW        | a | f  | f  | -  | CHANGED           | -  | f  | UNFOLLOW a b
      UNFOLLOW        | a | fm | -  | -  | CHANGED           | m  | -  | UNFOLLOW a b
      UNFOLLOW        | a | r  | -  | b  | CHANGED           | -  | -  | FOLLOW_REQUEST_WITHDRAWN a b
      UNFOLLOW        | a | -  | f  | -  | UNCHANGED         | -  | f  | -
      ACCEPT          | a | -  | r  | a  | CHANGED           | -  | f  | FOLLOW_REQUEST_ACCEPTED a b
      ACCEPT          | a | f  | r  | a  | CHANGED           | f  | f  | FOLLOW_REQUEST_ACCEPTED a b
      ACCEPT          | a | -  | rm | -  | CHANGED           | -  | fm | FOLLOW_REQUEST_ACCEPTED a b
      ACCEPT          | a | -  | -  | a  | UNCHANGED         | -  | -  | -
      ACCEPT          | a | r  | -  | b  | UNCHANGED         | r  | -  | -
      REJECT          | a | -  | r  | a  | CHANGED           | -  | -  | FOLLOW_REQUEST_REJECTED a b
      REJECT          | a | -  | f  | a  | UNCHANGED         | -  | f  | -
      REJECT          | a | r  | -  | b  | UNCHANGED         | r  | -  | -
      WITHDRAW        | a | r  | -  | b  | CHANGED           | -  | -  | FOLLOW_REQUEST_WITHDRAWN a b
      WITHDRAW        | a | f  | -  | -  | UNCHANGED         | f  | -  | -
      REMOVE_FOLLOWER | a | f  | f  | -  | CHANGED           | f  | -  | FOLLOWER_REMOVED a b
      REMOVE_FOLLOWER | a | -  | r  | a  | CHANGED           | -  | -  | FOLLOW_REQUEST_REJECTED a b
      REMOVE_FOLLOWER | a | f  | -  | -  | UNCHANGED         | f  | -  | -
      BLOCK           | a | f  | fm | -  | CHANGED           | b  | m  | BLOCK a b
      BLOCK           | a | r  | r  | ab | CHANGED           | b  | -  | BLOCK a b
      BLOCK           | a | fm | r  | a  | CHANGED           | bm | -  | BLOCK a b
      BLOCK           | a | -  | b  | -  | CHANGED           | b  | b  | BLOCK a b
      BLOCK           | a | b  | -  | -  | UNCHANGED         | b  | -  | -
      UNBLOCK         | a | b  | b  | -  | CHANGED           | -  | b  | UNBLOCK a b
      UNBLOCK         | a | -  | b  | -  | UNCHANGED         | -  | b  | -
      MUTE            | a | -  | -  | -  | CHANGED           | m  | -  | MUTE a b
      MUTE            | a | f  | f  | -  | CHANGED           | fm | f  | MUTE a b
      MUTE            | a | -  | b  | -  | CHANGED           | m  | b  | MUTE a b
      MUTE            | a | m  | -  | -  | CHANGED           | m  | -  | MUTE a b
      UNMUTE          | a | m  | m  | -  | CHANGED           | -  | m  | UNMUTE a b
      UNMUTE          | a | -  | m  | -  | UNCHANGED         | -  | m  | -
      """)
  void theTable(Verb verb, String actor, String ab, String ba, String privateOnes, Outcome outcome, String abAfter,
                String baAfter, String events) {
    UserId from = user(actor);
    UserId to = from.equals(A) ? B : A;
    PairCommand command = verb == Verb.MUTE ? PairCommand.mute(from, to, NOW, null)
        : new PairCommand(verb, from, to, needsTime(verb) ? NOW : null, null);
    PairState before = state(ab, ba);

    Change change = Transitions.apply(command, before, accounts(privateOnes));

    assertThat(change.outcome()).isEqualTo(outcome);
    assertThat(flags(change.after().from(A)) + " " + flags(change.after().from(B))).isEqualTo(abAfter + " " + baAfter);
    assertThat(change.events()).isEqualTo(events(events));
    assertThat(change.changed()).isEqualTo(outcome == Outcome.CHANGED || outcome == Outcome.FOLLOWED
        || outcome == Outcome.REQUESTED);
    // What a verb makes starts at the command's time; what it keeps keeps its own.
    for (UserId user : List.of(A, B)) {
      OneWay was = before.from(user);
      OneWay now = change.after().from(user);
      if (now.follows()) {
        assertThat(now.followedAt()).isEqualTo(was.follows() ? was.followedAt() : NOW);
      }
      if (now.requests()) {
        assertThat(now.requestedAt()).isEqualTo(was.requests() ? was.requestedAt() : NOW);
      }
      if (now.blocks()) {
        assertThat(now.blockedAt()).isEqualTo(was.blocks() ? was.blockedAt() : NOW);
      }
    }
  }

  @ParameterizedTest(name = "{0} by a from a>b:{1} b>a:{2} with {3} deleted: {4}")
  @CsvSource(delimiter = '|', textBlock = """
      FOLLOW | -  | -  | a  | NOT_FOUND
      FOLLOW | -  | -  | b  | NOT_FOUND
      FOLLOW | b  | -  | -  | BLOCKED
      FOLLOW | -  | b  | -  | BLOCKED
      FOLLOW | -  | bm | -  | BLOCKED
      BLOCK  | -  | -  | b  | NOT_FOUND
      MUTE   | -  | -  | b  | NOT_FOUND
      """)
  void refusals(Verb verb, String ab, String ba, String deleted, ErrorCode code) {
    Accounts accounts = new Accounts(A, deleted.contains("a") ? Account.ABSENT : Account.PUBLIC,
        B, deleted.contains("b") ? Account.ABSENT : Account.PUBLIC);
    PairCommand command = verb == Verb.MUTE ? PairCommand.mute(A, B, NOW, null) : PairCommand.of(verb, A, B, NOW);

    assertThatThrownBy(() -> Transitions.apply(command, state(ab, ba), accounts))
        .isInstanceOfSatisfying(KithException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  private static boolean needsTime(Verb verb) {
    return verb == Verb.FOLLOW || verb == Verb.ACCEPT || verb == Verb.BLOCK;
  }

  /** "TYPE actor subject, ..." or "-". */
  private static List<PairEvent> events(String text) {
    List<PairEvent> events = new ArrayList<>();
    if (text.equals("-")) {
      return events;
    }
    for (String event : text.split(",")) {
      String[] parts = event.trim().split(" ");
      events.add(new PairEvent(EventType.valueOf(parts[0]), user(parts[1]), user(parts[2])));
    }
    return events;
  }

  static {
    // The table's times are whole seconds; the command's is later than all of them.
    assertThat(NOW).isAfter(time(14));
  }
}
