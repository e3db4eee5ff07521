package io.kith.bench.peer;

import io.kith.bench.driver.Graph;
import java.util.List;
import java.util.Map;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.resps.Tuple;

/**
 * The Redis peer: sorted sets {@code following:{u}} and {@code followers:{u}} scored by follow time, a follow as one
 * Lua script that adds both only if absent, checks as one {@code ZMSCORE}, keyset pages with
 * {@code ZREVRANGEBYSCORE ... LIMIT}, counts as {@code ZCARD}, profiles as hashes. AOF on with
 * {@code appendfsync everysec} (the benchmark sets it for its run and restores the server's settings afterwards).
 * Uses its own logical database, flushed by a load.
 */
public final class RedisPeer implements Peer {
  private static final int LOAD_BATCH = 10_000;
  private static final String FOLLOW = """
      if redis.call('ZADD', KEYS[1], 'NX', ARGV[1], ARGV[2]) == 1 then
        redis.call('ZADD', KEYS[2], ARGV[1], ARGV[3])
        return 1
      end
      return 0""";
  private static final String UNFOLLOW = """
      if redis.call('ZREM', KEYS[1], ARGV[1]) == 1 then
        redis.call('ZREM', KEYS[2], ARGV[2])
        return 1
      end
      return 0""";

  private final String host;
  private final int port;
  private final int database;
  private final JedisPooled pool;
  private String followSha;
  private String unfollowSha;
  private String savedAppendOnly;
  private String savedAppendFsync;
  private String version = "?";

  public RedisPeer(String host, int port, int database, int poolSize) {
    this.host = host;
    this.port = port;
    this.database = database;
    GenericObjectPoolConfig<Connection> config = new GenericObjectPoolConfig<>();
    config.setMaxTotal(poolSize);
    config.setMaxIdle(poolSize);
    config.setMinIdle(poolSize);
    this.pool = new JedisPooled(config, host, port, 10_000, null, database);
  }

  public static boolean reachable(String host, int port) {
    try (Jedis jedis = new Jedis(host, port, 2_000)) {
      return "PONG".equals(jedis.ping());
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public String name() {
    return "redis";
  }

  @Override
  public String settings() {
    return "Redis " + version + " on loopback, appendonly=yes appendfsync=everysec (an acknowledged follow may be"
        + " lost for up to a second), Jedis pool; loaded by pipelined multi-member ZADD with AOF off, then AOF on"
        + " (rewrite included in the load time)";
  }

  @Override
  public void load(Graph graph) {
    try (Jedis admin = admin()) {
      version = admin.info("server").lines().filter(l -> l.startsWith("redis_version:"))
          .map(l -> l.substring("redis_version:".length())).findFirst().orElse("?");
      savedAppendOnly = admin.configGet("appendonly").get("appendonly");
      savedAppendFsync = admin.configGet("appendfsync").get("appendfsync");
      // A bulk load as a Redis operator does it: AOF off while loading, then on, which rewrites the AOF from the
      // dataset; the load counts until that rewrite is on disk.
      admin.configSet("appendonly", "no");
      admin.flushDB();
      Pipeline pipeline = admin.pipelined();
      loadLists(pipeline, graph, graph.from, graph.to, "following:");
      loadLists(pipeline, graph, graph.to, graph.from, "followers:");
      for (int u = 1; u <= graph.users; u++) {
        pipeline.hset("user:" + u, Map.of("handle", "u" + (u - 1), "bio", ""));
        if (u % LOAD_BATCH == 0) {
          pipeline.sync();
        }
      }
      pipeline.sync();
      admin.configSet("appendfsync", "everysec");
      admin.configSet("appendonly", "yes");
      waitForAofRewrite(admin);
      followSha = admin.scriptLoad(FOLLOW);
      unfollowSha = admin.scriptLoad(UNFOLLOW);
    }
  }

  /** One multi-member ZADD per owner (in chunks), grouped with a counting sort: far fewer commands than edges. */
  private static void loadLists(Pipeline pipeline, Graph graph, int[] owners, int[] members, String prefix) {
    int[] start = new int[graph.users + 2];
    for (int owner : owners) {
      start[owner + 1]++;
    }
    for (int u = 0; u <= graph.users; u++) {
      start[u + 1] += start[u];
    }
    int[] next = java.util.Arrays.copyOf(start, start.length);
    int[] edges = new int[owners.length];
    for (int i = 0; i < owners.length; i++) {
      edges[next[owners[i]]++] = i;
    }
    int commands = 0;
    for (int owner = 1; owner <= graph.users; owner++) {
      for (int from = start[owner]; from < start[owner + 1]; from += 1000) {
        int to = Math.min(start[owner + 1], from + 1000);
        Map<String, Double> scores = new java.util.HashMap<>(2 * (to - from));
        for (int p = from; p < to; p++) {
          scores.put(Integer.toString(members[edges[p]]), (double) graph.timeOf(edges[p]));
        }
        pipeline.zadd(prefix + owner, scores);
        if (++commands % 1000 == 0) {
          pipeline.sync();
        }
      }
    }
    pipeline.sync();
  }

  private static void waitForAofRewrite(Jedis admin) {
    while (true) {
      String persistence = admin.info("persistence");
      if (persistence.contains("aof_rewrite_in_progress:0") && persistence.contains("aof_rewrite_scheduled:0")) {
        return;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted waiting for Redis's AOF rewrite", e);
      }
    }
  }

  private Jedis admin() {
    Jedis jedis = new Jedis(host, port, 600_000);
    jedis.select(database);
    return jedis;
  }

  @Override
  public int checks(int viewer, int[] others) {
    String[] members = new String[others.length];
    for (int i = 0; i < others.length; i++) {
      members[i] = Integer.toString(others[i]);
    }
    int following = 0;
    for (Double score : pool.zmscore("following:" + viewer, members)) {
      if (score != null) {
        following++;
      }
    }
    return following;
  }

  @Override
  public Page followers(int owner, Object cursor, int limit) {
    String max = cursor == null ? "+inf" : "(" + cursor;
    List<Tuple> page = pool.zrevrangeByScoreWithScores("followers:" + owner, max, "-inf", 0, limit + 1);
    boolean more = page.size() > limit;
    int size = Math.min(limit, page.size());
    return new Page(size, more ? (Object) Long.toString((long) page.get(size - 1).getScore()) : null);
  }

  @Override
  public long followerCount(int user) {
    return pool.zcard("followers:" + user);
  }

  @Override
  public boolean follow(int follower, int followee) {
    Object added = pool.evalsha(followSha, List.of("following:" + follower, "followers:" + followee),
        List.of(Long.toString(System.currentTimeMillis()), Integer.toString(followee), Integer.toString(follower)));
    return Long.valueOf(1).equals(added);
  }

  @Override
  public boolean unfollow(int follower, int followee) {
    Object removed = pool.evalsha(unfollowSha, List.of("following:" + follower, "followers:" + followee),
        List.of(Integer.toString(followee), Integer.toString(follower)));
    return Long.valueOf(1).equals(removed);
  }

  @Override
  public int profile(int user) {
    Map<String, String> fields = pool.hgetAll("user:" + user);
    return fields.size();
  }

  @Override
  public void updateProfile(int user, String bio) {
    pool.hset("user:" + user, "bio", bio);
  }

  @Override
  public void createUser(int user) {
    pool.hset("user:" + user, Map.of("handle", "b" + user, "bio", ""));
  }

  @Override
  public void deleteUser(int user) {
    pool.del("user:" + user, "following:" + user, "followers:" + user);
  }

  @Override
  public long footprintBytes() {
    try (Jedis admin = admin()) {
      return admin.info("memory").lines().filter(l -> l.startsWith("used_memory:"))
          .mapToLong(l -> Long.parseLong(l.substring("used_memory:".length()).trim())).findFirst().orElse(-1);
    }
  }

  @Override
  public String footprintKind() {
    return "memory (used_memory, whole server)";
  }

  @Override
  public void close() {
    try (Jedis admin = admin()) {
      admin.flushDB();
      if (savedAppendOnly != null) {
        admin.configSet("appendonly", savedAppendOnly);
        admin.configSet("appendfsync", savedAppendFsync);
      }
    } finally {
      pool.close();
    }
  }
}
