package io.kith.store.tck;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import java.util.List;

/**
 * The random operations the model-based properties run against a store: every write verb on users held in a few
 * slots (an index past the users created so far wraps around, so a deleted user's slot keeps being used).
 */
final class GraphOps {
  private GraphOps() {}

  sealed interface Op permits Create, Delete, FollowOp, UnfollowOp, SetPrivate, Accept, Reject, BlockOp, UnblockOp,
      MuteOp, UnmuteOp {}

  record Create() implements Op {}

  record Delete(int slot) implements Op {}

  record FollowOp(int from, int to) implements Op {}

  record UnfollowOp(int from, int to) implements Op {}

  record SetPrivate(int slot, boolean isPrivate) implements Op {}

  record Accept(int owner, int requester) implements Op {}

  record Reject(int owner, int requester) implements Op {}

  record BlockOp(int from, int to) implements Op {}

  record UnblockOp(int from, int to) implements Op {}

  record MuteOp(int from, int to) implements Op {}

  record UnmuteOp(int from, int to) implements Op {}

  /** Sequences of 1 to {@code maxSize} operations on {@code slots} slots, follows the most frequent. */
  static Arbitrary<List<Op>> sequences(int slots, int maxSize) {
    Arbitrary<Integer> slot = Arbitraries.integers().between(0, slots - 1);
    Arbitrary<Op> op = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.just(new Create())),
        Tuple.of(1, slot.map(Delete::new)),
        Tuple.of(8, Combinators.combine(slot, slot).as(FollowOp::new)),
        Tuple.of(3, Combinators.combine(slot, slot).as(UnfollowOp::new)),
        Tuple.of(2, Combinators.combine(slot, Arbitraries.of(true, false)).as(SetPrivate::new)),
        Tuple.of(3, Combinators.combine(slot, slot).as(Accept::new)),
        Tuple.of(2, Combinators.combine(slot, slot).as(Reject::new)),
        Tuple.of(2, Combinators.combine(slot, slot).as(BlockOp::new)),
        Tuple.of(1, Combinators.combine(slot, slot).as(UnblockOp::new)),
        Tuple.of(1, Combinators.combine(slot, slot).as(MuteOp::new)),
        Tuple.of(1, Combinators.combine(slot, slot).as(UnmuteOp::new)));
    return op.list().ofMinSize(1).ofMaxSize(maxSize);
  }
}
