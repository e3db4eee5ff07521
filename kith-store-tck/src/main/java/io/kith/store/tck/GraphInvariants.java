package io.kith.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.core.Counts;
import io.kith.core.Relationship;
import io.kith.core.UserId;
import io.kith.core.spi.Edge;
import io.kith.core.spi.EdgeList;
import io.kith.core.spi.EdgePage;
import io.kith.core.spi.KithStore;
import io.kith.core.spi.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The graph's invariants, checked through the SPI alone so every backend is held to the same ones:
 * counts equal list sizes (the count of pending outgoing requests included), no self-edges, forward and reverse edges agree, friends are exactly the mutual follows,
 * a request and a follow never coexist, a block and a follow or request never coexist, lists are strictly
 * newest-first, point reads agree with lists, and no list names a user that does not exist.
 */
public final class GraphInvariants {
  private static final int PAGE = 97; // odd on purpose: page boundaries fall at varied places
  private static final int POINT_READ_SAMPLE = 64;

  private GraphInvariants() {}

  /** The full lists of one user, as read through paging. */
  public record Lists(Set<UserId> following, Set<UserId> followers, Set<UserId> friends, Set<UserId> requestsIn,
                      Set<UserId> requestsOut, Set<UserId> blocking) {}

  /** Checks every invariant over {@code users} (live and deleted alike) and returns the live users' lists. */
  public static Map<UserId, Lists> assertHold(KithStore store, Collection<UserId> users) {
    Set<UserId> live = new HashSet<>();
    for (UserId id : users) {
      if (store.user(id).isPresent()) {
        live.add(id);
      }
    }
    List<UserId> asked = List.copyOf(users);
    assertThat(store.existingUsers(asked)).as("existence checks agree with the user records")
        .containsExactlyElementsOf(asked.stream().filter(live::contains).toList());
    Map<UserId, Lists> lists = new HashMap<>();
    for (UserId id : users) {
      Lists of = new Lists(readAll(store, EdgeList.FOLLOWING, id), readAll(store, EdgeList.FOLLOWERS, id),
          readAll(store, EdgeList.FRIENDS, id), readAll(store, EdgeList.REQUESTS_IN, id),
          readAll(store, EdgeList.REQUESTS_OUT, id), readAll(store, EdgeList.BLOCKING, id));
      if (!live.contains(id)) {
        assertThat(of.following()).as("following of deleted user %s", id).isEmpty();
        assertThat(of.followers()).as("followers of deleted user %s", id).isEmpty();
        assertThat(of.friends()).as("friends of deleted user %s", id).isEmpty();
        assertThat(of.requestsIn()).as("requests to deleted user %s", id).isEmpty();
        assertThat(of.requestsOut()).as("requests of deleted user %s", id).isEmpty();
        assertThat(of.blocking()).as("blocks of deleted user %s", id).isEmpty();
        assertThat(store.counts(id)).as("counts of deleted user %s", id).isEqualTo(Counts.ZERO);
        assertThat(store.outgoingRequests(id)).as("outgoing requests of deleted user %s", id).isZero();
        continue;
      }
      lists.put(id, of);
      assertThat(of.following()).as("user %s follows itself", id).doesNotContain(id);
      assertThat(of.followers()).as("user %s is its own follower", id).doesNotContain(id);
      assertThat(store.counts(id)).as("counts of %s", id)
          .isEqualTo(new Counts(of.followers().size(), of.following().size(), of.friends().size()));
      assertThat(store.outgoingRequests(id)).as("outgoing requests of %s", id).isEqualTo(of.requestsOut().size());
      Set<UserId> mutual = new HashSet<>(of.following());
      mutual.retainAll(of.followers());
      assertThat(of.friends()).as("friends of %s are the mutual follows", id).isEqualTo(mutual);
      assertDisjoint(of.requestsOut(), of.following(), "%s both requests and follows %s", id);
      assertDisjoint(of.requestsIn(), of.followers(), "%s is both requested and followed by %s", id);
      assertDisjoint(of.blocking(), of.following(), "%s blocks and follows %s", id);
      assertDisjoint(of.blocking(), of.followers(), "%s blocks its follower %s", id);
      assertDisjoint(of.blocking(), of.requestsIn(), "%s blocks its requester %s", id);
      assertDisjoint(of.blocking(), of.requestsOut(), "%s blocks and asks to follow %s", id);
      assertThat(of.requestsIn()).as("requests to %s", id).doesNotContain(id);
      assertThat(of.blocking()).as("%s blocks itself", id).doesNotContain(id);
    }
    for (Map.Entry<UserId, Lists> entry : lists.entrySet()) {
      UserId id = entry.getKey();
      for (UserId followee : entry.getValue().following()) {
        assertThat(live).as("%s follows %s, which does not exist", id, followee).contains(followee);
        Lists other = lists.get(followee);
        if (other != null) {
          assertThat(other.followers()).as("reverse edge of %s -> %s", id, followee).contains(id);
        }
      }
      for (UserId target : entry.getValue().requestsOut()) {
        assertThat(live).as("%s asked to follow %s, which does not exist", id, target).contains(target);
        Lists other = lists.get(target);
        if (other != null) {
          assertThat(other.requestsIn()).as("reverse of request %s -> %s", id, target).contains(id);
        }
      }
      for (UserId requester : entry.getValue().requestsIn()) {
        assertThat(live).as("%s was asked by %s, which does not exist", id, requester).contains(requester);
        Lists other = lists.get(requester);
        if (other != null) {
          assertThat(other.requestsOut()).as("forward of request %s -> %s", requester, id).contains(id);
        }
      }
      for (UserId blocked : entry.getValue().blocking()) {
        assertThat(live).as("%s blocks %s, which does not exist", id, blocked).contains(blocked);
      }
      for (UserId follower : entry.getValue().followers()) {
        assertThat(live).as("%s is followed by %s, which does not exist", id, follower).contains(follower);
        Lists other = lists.get(follower);
        if (other != null) {
          assertThat(other.following()).as("forward edge of %s -> %s", follower, id).contains(id);
        }
      }
      // Point reads must agree with the lists: for every listed user, and for a bounded sample of the others
      // (checking all n x n pairs would make big graphs quadratic).
      Set<UserId> sample = new LinkedHashSet<>();
      Lists own = entry.getValue();
      for (Set<UserId> listed : List.of(own.following(), own.followers(), own.requestsIn(), own.requestsOut(),
          own.blocking())) {
        sample.addAll(listed);
      }
      users.stream().limit(POINT_READ_SAMPLE).forEach(sample::add);
      List<Relationship> relationships = store.relationships(id, new ArrayList<>(sample), Instant.now());
      for (Relationship relationship : relationships) {
        assertThat(relationship.following()).as("point read %s -> %s", id, relationship.other())
            .isEqualTo(entry.getValue().following().contains(relationship.other()));
        assertThat(relationship.followedBy()).as("point read %s -> %s", relationship.other(), id)
            .isEqualTo(entry.getValue().followers().contains(relationship.other()));
        assertThat(relationship.requested()).as("point read of request %s -> %s", id, relationship.other())
            .isEqualTo(entry.getValue().requestsOut().contains(relationship.other()));
        assertThat(relationship.requestedBy()).as("point read of request %s -> %s", relationship.other(), id)
            .isEqualTo(entry.getValue().requestsIn().contains(relationship.other()));
        assertThat(relationship.blocking()).as("point read of block %s -> %s", id, relationship.other())
            .isEqualTo(entry.getValue().blocking().contains(relationship.other()));
        Lists theirs = lists.get(relationship.other());
        if (theirs != null) {
          assertThat(relationship.blockedBy()).as("point read of block %s -> %s", relationship.other(), id)
              .isEqualTo(theirs.blocking().contains(id));
        }
      }
      List<UserId> others = new ArrayList<>(sample);
      Set<UserId> blockedEitherWay = new HashSet<>();
      for (UserId other : others) {
        Lists theirs = lists.get(other);
        if (own.blocking().contains(other) || (theirs != null && theirs.blocking().contains(id))) {
          blockedEitherWay.add(other);
        }
      }
      assertThat(store.blockedEitherWay(id, others)).as("blocks either way between %s and others", id)
          .isEqualTo(blockedEitherWay);
      // Follow times, both as one follower against many (a list walk) and as many followers against one.
      List<Instant> outTimes = store.followTimes(Collections.nCopies(others.size(), id), others);
      List<Instant> inTimes = store.followTimes(others, Collections.nCopies(others.size(), id));
      for (int i = 0; i < others.size(); i++) {
        assertThat(outTimes.get(i) != null).as("follow time %s -> %s", id, others.get(i))
            .isEqualTo(own.following().contains(others.get(i)));
        assertThat(inTimes.get(i) != null).as("follow time %s -> %s", others.get(i), id)
            .isEqualTo(own.followers().contains(others.get(i)));
      }
    }
    return lists;
  }

  private static void assertDisjoint(Set<UserId> a, Set<UserId> b, String message, UserId owner) {
    Set<UserId> both = new HashSet<>(a);
    both.retainAll(b);
    assertThat(both).as(message, owner, both).isEmpty();
  }

  /** Reads a whole list page by page, asserting order and that no entry repeats. */
  public static Set<UserId> readAll(KithStore store, EdgeList list, UserId owner) {
    Set<UserId> all = new LinkedHashSet<>();
    Optional<Edge> previous = Optional.empty();
    EdgePage page = store.edges(list, owner, PageRequest.first(PAGE));
    while (true) {
      for (Edge edge : page.edges()) {
        if (previous.isPresent()) {
          assertThat(isAfter(edge, previous.get())).as("%s of %s newest first: %s then %s", list, owner,
              previous.get(), edge).isTrue();
        }
        assertThat(all.add(edge.other())).as("%s of %s repeats %s", list, owner, edge.other()).isTrue();
        previous = Optional.of(edge);
      }
      if (page.next().isEmpty()) {
        return all;
      }
      assertThat(page.edges()).as("a page with a next cursor is full").hasSize(PAGE);
      page = store.edges(list, owner, PageRequest.after(page.next().get(), PAGE));
    }
  }

  /** Whether {@code later} comes strictly after {@code earlier} in list order (time desc, then id desc). */
  public static boolean isAfter(Edge later, Edge earlier) {
    int byTime = Long.compare(earlier.at().toEpochMilli(), later.at().toEpochMilli());
    return byTime > 0 || (byTime == 0 && earlier.other().value() > later.other().value());
  }
}
