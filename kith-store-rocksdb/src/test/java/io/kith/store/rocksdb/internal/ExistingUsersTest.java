package io.kith.store.rocksdb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** The in-memory id set answers exactly as a plain set would, through growth and removals in any order. */
class ExistingUsersTest {
  /** Small ids collide in few slots, large ones are spread: both, and removals of ids never added. */
  @Property(tries = 200)
  void answersAsASetDoes(@ForAll @Size(max = 400) List<@LongRange(min = 1, max = 300) Long> adds,
                         @ForAll @Size(max = 400) List<@LongRange(min = 1, max = 300) Long> removes,
                         @ForAll long salt) {
    ExistingUsers existing = new ExistingUsers();
    Set<Long> model = new HashSet<>();
    for (int i = 0; i < Math.max(adds.size(), removes.size()); i++) {
      if (i < adds.size()) {
        long id = spread(adds.get(i), salt);
        existing.add(id);
        model.add(id);
      }
      if (i < removes.size()) {
        long id = spread(removes.get(i), salt);
        existing.remove(id);
        model.remove(id);
      }
    }
    for (long candidate = 1; candidate <= 300; candidate++) {
      long id = spread(candidate, salt);
      assertThat(existing.contains(id)).as("contains %d", id).isEqualTo(model.contains(id));
    }
    assertThat(existing.size()).isEqualTo(model.size());
    assertThat(existing.contains(0)).isFalse();
  }

  /** Ids as a Snowflake generator makes them (time in the high bits, a sequence in the low ones), or small. */
  private static long spread(long n, long salt) {
    return (salt & 1) == 0 ? n : ((salt >>> 1 & 0xFFFFFFL) + n) << 22 | (n & 0xFFF);
  }
}
