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
        + " lost for up to a second), Jedis pool; loaded by pipelined ZADD";
  }

  @Override
  public void load(Graph graph) {
    try (Jedis admin = admin()) {
      version = admin.info("server").lines().filter(l -> l.startsWith("redis_version:"))
          .map(l -> l.substring("redis_version:".length())).findFirst().orElse("?");
      Map<String, String> appendOnly = admin.configGet("appendonly");
      Map<String, String> appendFsync = admin.configGet("appendfsync");
      savedAppendOnly = appendOnly.get("appendonly");
      savedAppendFsync = appendFsync.get("appendfsync");
      admin.configSet("appendonly", "yes");
      admin.configSet("appendfsync", "everysec");
      admin.flushDB();
      Pipeline pipeline = admin.pipelined();
      for (int i = 0; i < graph.edges(); i++) {
        pipeline.zadd("following:" + graph.from[i], graph.timeOf(i), Integer.toString(graph.to[i]));
        pipeline.zadd("followers:" + graph.to[i], graph.timeOf(i), Integer.toString(graph.from[i]));
        if (i % LOAD_BATCH == LOAD_BATCH - 1) {
          pipeline.sync();
        }
      }
      for (int u = 1; u <= graph.users; u++) {
        pipeline.hset("user:" + u, Map.of("handle", "u" + (u - 1), "bio", ""));
        if (u % LOAD_BATCH == 0) {
          pipeline.sync();
        }
      }
      pipeline.sync();
      followSha = admin.scriptLoad(FOLLOW);
      unfollowSha = admin.scriptLoad(UNFOLLOW);
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
