package io.kith.store.tck;

import io.kith.core.Handle;
import io.kith.core.IdGenerator;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.core.spi.KithStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A random graph written into a store for the graph-query properties, with what was written kept as plain sets
 * (the model those properties check answers against): users, then follows, then blocks (which sever the follows
 * between the two), then mutes. Pairs are indexes into {@link #ids}.
 *
 * @param time the last time a write used; later writes go after it
 */
record SeededGraph(List<UserId> ids, Map<List<UserId>, Long> follows, Set<List<UserId>> blocks,
                   Set<List<UserId>> mutes, long time) {

  static SeededGraph write(KithStore store, IdGenerator idGenerator, String handlePrefix, int users, long t0,
                           List<int[]> follows, List<int[]> blocks, List<int[]> mutes) {
    List<UserId> ids = new ArrayList<>();
    for (int i = 0; i < users; i++) {
      UserId id = idGenerator.next();
      store.createUser(new User(id, new Handle(handlePrefix + id), "", "", null, false, Instant.ofEpochMilli(t0)),
          "-");
      ids.add(id);
    }
    Map<List<UserId>, Long> followTimes = new HashMap<>();
    long time = t0;
    for (int[] f : follows) {
      List<UserId> pair = List.of(ids.get(f[0]), ids.get(f[1]));
      time += 1 + (time % 2); // some equal-millisecond neighbours come from the id tie-break
      if (!followTimes.containsKey(pair)) {
        store.follow(pair.get(0), pair.get(1), Instant.ofEpochMilli(time));
        followTimes.put(pair, time);
      }
    }
    Set<List<UserId>> blocked = new HashSet<>();
    for (int[] b : blocks) {
      UserId a = ids.get(b[0]);
      UserId c = ids.get(b[1]);
      store.block(a, c, Instant.ofEpochMilli(time));
      blocked.add(List.of(a, c));
      followTimes.remove(List.of(a, c));
      followTimes.remove(List.of(c, a));
    }
    Set<List<UserId>> muted = new HashSet<>();
    for (int[] m : mutes) {
      store.mute(ids.get(m[0]), ids.get(m[1]), Instant.ofEpochMilli(time), null);
      muted.add(List.of(ids.get(m[0]), ids.get(m[1])));
    }
    return new SeededGraph(ids, followTimes, blocked, muted, time);
  }
}
