package io.kith.core.relation.pair;

import static io.kith.core.relation.pair.Shapes.A;
import static io.kith.core.relation.pair.Shapes.B;
import static io.kith.core.relation.pair.Shapes.NOW;
import static io.kith.core.relation.pair.Shapes.accounts;
import static io.kith.core.relation.pair.Shapes.state;
import static io.kith.core.relation.pair.Shapes.time;
import static org.assertj.core.api.Assertions.assertThat;

import io.kith.core.event.EventType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The writes a change implies, to the millisecond, for the verbs whose effects are easy to get subtly wrong. */
class EffectsTest {

  @Test
  void aFollowIsAnEntryOnEachSideAndTwoCounts() {
    Change change = Transitions.follow(state("-", "-"), accounts("-"), A, B, NOW);

    assertThat(change.effects().removed()).isEmpty();
    assertThat(change.effects().added()).containsExactlyInAnyOrder(
        new ListEntry(RelationList.FOLLOWING, A, B, NOW), new ListEntry(RelationList.FOLLOWERS, B, A, NOW));
    assertThat(change.effects().counts()).containsExactlyInAnyOrder(
        new CountDelta(A, Counter.FOLLOWING, 1), new CountDelta(B, Counter.FOLLOWERS, 1));
  }

  @Test
  void theSecondFollowMakesAFriendshipDatedByItself() {
    Change change = Transitions.follow(state("-", "f"), accounts("-"), A, B, NOW);

    assertThat(change.effects().added()).contains(
        new ListEntry(RelationList.FRIENDS, A, B, NOW), new ListEntry(RelationList.FRIENDS, B, A, NOW));
    assertThat(change.effects().counts()).contains(
        new CountDelta(A, Counter.FRIENDS, 1), new CountDelta(B, Counter.FRIENDS, 1));
  }

  @Test
  void unfollowingAFriendRemovesTheFriendshipAtTheLaterFollowsTime() {
    // a -> b at 1 s, b -> a at 11 s: friends since 11 s.
    Change change = Transitions.unfollow(state("f", "f"), B, A);

    assertThat(change.effects().removed()).containsExactlyInAnyOrder(
        new ListEntry(RelationList.FOLLOWING, B, A, time(11)), new ListEntry(RelationList.FOLLOWERS, A, B, time(11)),
        new ListEntry(RelationList.FRIENDS, A, B, time(11)), new ListEntry(RelationList.FRIENDS, B, A, time(11)));
    assertThat(change.effects().added()).isEmpty();
    assertThat(change.effects().counts()).containsExactlyInAnyOrder(
        new CountDelta(B, Counter.FOLLOWING, -1), new CountDelta(A, Counter.FOLLOWERS, -1),
        new CountDelta(A, Counter.FRIENDS, -1), new CountDelta(B, Counter.FRIENDS, -1));
  }

  @Test
  void aRequestCountsOutForTheRequesterAndInForTheTarget() {
    Change change = Transitions.follow(state("-", "-"), accounts("b"), A, B, NOW);

    assertThat(change.effects().added()).containsExactlyInAnyOrder(
        new ListEntry(RelationList.REQUESTS_OUT, A, B, NOW), new ListEntry(RelationList.REQUESTS_IN, B, A, NOW));
    assertThat(change.effects().counts()).containsExactlyInAnyOrder(
        new CountDelta(A, Counter.REQUESTS_OUT, 1), new CountDelta(B, Counter.REQUESTS_IN, 1));
  }

  @Test
  void acceptingMovesTheRequestToTheFollowLists() {
    Change change = Transitions.accept(state("-", "r"), accounts("a"), A, B, NOW);

    assertThat(change.effects().removed()).containsExactlyInAnyOrder(
        new ListEntry(RelationList.REQUESTS_OUT, B, A, time(12)),
        new ListEntry(RelationList.REQUESTS_IN, A, B, time(12)));
    assertThat(change.effects().added()).containsExactlyInAnyOrder(
        new ListEntry(RelationList.FOLLOWING, B, A, NOW), new ListEntry(RelationList.FOLLOWERS, A, B, NOW));
  }

  @Test
  void aBlockOfAFriendSeversEverythingButTheMutesInOneChange() {
    Change change = Transitions.block(state("fm", "f"), accounts("-"), A, B, NOW);

    assertThat(change.effects().removed()).extracting(ListEntry::list).containsExactlyInAnyOrder(
        RelationList.FOLLOWING, RelationList.FOLLOWERS, RelationList.FOLLOWING, RelationList.FOLLOWERS,
        RelationList.FRIENDS, RelationList.FRIENDS);
    assertThat(change.effects().added()).containsExactlyInAnyOrder(
        new ListEntry(RelationList.BLOCKING, A, B, NOW), new ListEntry(RelationList.BLOCKED_BY, B, A, NOW));
    assertThat(change.effects().counts()).hasSize(6);
    assertThat(change.events()).containsExactly(new PairEvent(EventType.BLOCK, A, B));
  }

  @Test
  void muteEntriesLieOnTheMuterAndTheMuted() {
    Instant until = NOW.plusSeconds(60);
    Change change = Transitions.mute(state("-", "-"), accounts("-"), A, B, NOW, until);

    assertThat(change.effects().added()).containsExactlyInAnyOrder(
        new ListEntry(RelationList.MUTING, A, B, NOW), new ListEntry(RelationList.MUTED_BY, B, A, NOW));
    assertThat(change.effects().counts()).isEmpty();
    assertThat(change.after().from(A).muteExpiresAt()).isEqualTo(until);
  }

  @Test
  void mutingAgainMovesTheEntriesToTheNewTime() {
    Change change = Transitions.mute(state("m", "-"), accounts("-"), A, B, NOW, null);

    assertThat(change.effects().removed()).containsExactlyInAnyOrder(
        new ListEntry(RelationList.MUTING, A, B, time(4)), new ListEntry(RelationList.MUTED_BY, B, A, time(4)));
    assertThat(change.effects().added()).containsExactlyInAnyOrder(
        new ListEntry(RelationList.MUTING, A, B, NOW), new ListEntry(RelationList.MUTED_BY, B, A, NOW));
  }

  @Test
  void onlyANewExpiryChangesThePairButNoList() {
    PairState muted = Transitions.mute(state("-", "-"), accounts("-"), A, B, NOW, null).after();

    Change change = Transitions.mute(muted, accounts("-"), A, B, NOW, NOW.plusSeconds(5));

    assertThat(change.changed()).isTrue();
    assertThat(change.effects().isEmpty()).isTrue();
    assertThat(change.events()).containsExactly(new PairEvent(EventType.MUTE, A, B));
  }

  @Test
  void theSameMuteAgainIsNoChange() {
    PairState muted = Transitions.mute(state("-", "-"), accounts("-"), A, B, NOW, NOW.plusSeconds(5)).after();

    Change change = Transitions.mute(muted, accounts("-"), A, B, NOW, NOW.plusSeconds(5));

    assertThat(change.changed()).isFalse();
    assertThat(change.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(change.effects()).isEqualTo(Effects.NONE);
    assertThat(change.events()).isEmpty();
  }

  @Test
  void deletingAnAccountSeversThePairWithoutEvents() {
    PairState everything = state("fm", "fm"); // friends, muting each other
    PairState blocked = state("bm", "m");

    for (PairState before : List.of(everything, blocked, state("r", "m"), state("m", "r"))) {
      for (var deleted : List.of(A, B)) {
        Change change = Transitions.deleteAccount(before, deleted);

        assertThat(change.after().isEmpty()).as("%s after deleting %s", before, deleted).isTrue();
        assertThat(change.events()).isEmpty();
        assertThat(change.effects()).isEqualTo(Effects.between(before, change.after()));
      }
    }
  }

  @Test
  void settlingSeversThePairOfADeletedAccountAndAcceptsRequestsToAPublicOne() {
    Accounts bDeleted = new Accounts(A, Account.PUBLIC, B, Account.ABSENT);
    assertThat(Transitions.settle(state("fm", "bm"), bDeleted, NOW).after().isEmpty()).isTrue();

    Change approved = Transitions.settle(state("r", "r"), accounts("a"), NOW);
    assertThat(Shapes.flags(approved.after().from(A)) + " " + Shapes.flags(approved.after().from(B)))
        .isEqualTo("f r"); // b is public now: a's request is accepted; b's, to private a, still waits
    assertThat(approved.after().from(A).followedAt()).isEqualTo(NOW);
    assertThat(approved.events()).containsExactly(new PairEvent(EventType.FOLLOW_REQUEST_ACCEPTED, B, A));

    Change settled = Transitions.settle(state("f", "r"), accounts("a"), NOW);
    assertThat(settled.changed()).isFalse();
  }
}
