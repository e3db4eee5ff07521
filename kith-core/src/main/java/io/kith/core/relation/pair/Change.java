package io.kith.core.relation.pair;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a transition did to one pair: the states before and after, the verb's outcome, the effects on lists and
 * counts ({@link Effects#between}) and the change events. A store writes the state {@code after}, the effects and
 * (issue 12) the events in one atomic write, or, if nothing {@linkplain #changed() changed}, writes nothing.
 */
public record Change(PairState before, PairState after, Outcome outcome, Effects effects, List<PairEvent> events) {
  public Change {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(effects, "effects");
    events = List.copyOf(events);
    if (before.equals(after) && !events.isEmpty()) {
      throw new IllegalArgumentException("events: " + events + " (expected: none when nothing changed)");
    }
  }

  /** Nothing changed: {@code state} stays as it is. */
  static Change none(PairState state, Outcome outcome) {
    return new Change(state, state, outcome, Effects.NONE, List.of());
  }

  static Change of(PairState before, PairState after, Outcome outcome, PairEvent... events) {
    if (before.equals(after)) {
      return none(before, outcome);
    }
    return new Change(before, after, outcome, Effects.between(before, after), List.of(events));
  }

  public boolean changed() {
    return !before.equals(after);
  }

  /**
   * This change, then {@code next} (which starts where this one ends) as one: its effects are those between the
   * first state and the last, its events both changes' in order, its outcome this one's unless this one did nothing.
   */
  public Change then(Change next) {
    if (!next.before.equals(after)) {
      throw new IllegalArgumentException("next: starts at " + next.before + " (expected: " + after + ")");
    }
    if (!next.changed()) {
      return outcome == Outcome.UNCHANGED ? new Change(before, after, next.outcome, effects, events) : this;
    }
    List<PairEvent> all = new ArrayList<>(events);
    all.addAll(next.events);
    return new Change(before, next.after, outcome == Outcome.UNCHANGED ? next.outcome : outcome,
        Effects.between(before, next.after), all);
  }

  /** The same change without its events. */
  Change withoutEvents() {
    return new Change(before, after, outcome, effects, List.of());
  }
}
