package io.kith.bench.driver;

import io.kith.bench.peer.Peer;

/** The operations measured; each request is what one application call would send. */
public enum Workload {
  /** Viewer vs 20 authors (a feed page), one request. */
  CHECKS("checks", false) {
    @Override
    void op(Peer peer, Context c, ThreadState s) {
      checks(peer, c, s);
    }
  },
  /**
   * Checks again, paced (open loop) at half the throughput this store reached on {@link #CHECKS}: the latency a
   * client sees when the store is not saturated. Latency counts from when each request was due, not sent.
   */
  CHECKS_HALF_PEAK("checks-at-half-peak", false) {
    @Override
    void op(Peer peer, Context c, ThreadState s) {
      checks(peer, c, s);
    }
  },
  /** First followers page (50) of one of the 10 hottest accounts. */
  FIRST_PAGE("first-page", false) {
    @Override
    void op(Peer peer, Context c, ThreadState s) {
      peer.followers(c.hottest[s.random.nextInt(c.hottest.length)], null, Context.PAGE);
    }
  },
  /** Page 100 (keyset cursor) of one of the 10 hottest accounts. */
  DEEP_PAGE("deep-page", false) {
    @Override
    void op(Peer peer, Context c, ThreadState s) {
      int i = s.random.nextInt(c.hottest.length);
      peer.followers(c.hottest[i], c.deepCursors[i], Context.PAGE);
    }
  },
  /** First followers page of an account with 10 followers: the cost a hot account's page is compared with. */
  SMALL_PAGE("page-of-10", false) {
    @Override
    void op(Peer peer, Context c, ThreadState s) {
      peer.followers(c.smallAccounts[s.random.nextInt(c.smallAccounts.length)], null, Context.PAGE);
    }
  },
  /** Follower count of a user drawn with the popularity skew. */
  COUNTS("counts", false) {
    @Override
    void op(Peer peer, Context c, ThreadState s) {
      peer.followerCount(c.skewedUser(s.random));
    }
  },
  /** 90% checks, 5% first pages, 3% counts, 1% follow, 1% unfollow. */
  FEED_MIX("feed-mix", false) {
    @Override
    void op(Peer peer, Context c, ThreadState s) {
      int dice = s.random.nextInt(100);
      if (dice < 90) {
        checks(peer, c, s);
      } else if (dice < 95) {
        peer.followers(c.skewedUser(s.random), null, Context.PAGE);
      } else if (dice < 98) {
        peer.followerCount(c.skewedUser(s.random));
      } else if (dice < 99) {
        follow(peer, c, s);
      } else {
        unfollow(peer, c, s);
      }
    }
  },
  /**
   * LinkBench's mix adapted to follows (69% reads, 31% writes), Zipf-skewed: list 50.7%, get profile 12.9%,
   * follow 9.0%, re-follow 8.0%, update profile 7.4%, count 4.9%, unfollow 3.0%, create user 2.6%, delete user
   * 1.0%, multi-check 0.5%. Deletes remove users the mix created.
   */
  LINKBENCH("linkbench", true) {
    @Override
    void op(Peer peer, Context c, ThreadState s) {
      int dice = s.random.nextInt(1000);
      if (dice < 507) {
        peer.followers(c.skewedUser(s.random), null, Context.PAGE);
      } else if (dice < 636) {
        peer.profile(c.skewedUser(s.random));
      } else if (dice < 726) {
        follow(peer, c, s);
      } else if (dice < 806) {
        int edge = s.random.nextInt(c.graph.edges());
        peer.follow(c.graph.from[edge], c.graph.to[edge]);
      } else if (dice < 880) {
        peer.updateProfile(c.skewedUser(s.random), "bio " + s.random.nextInt());
      } else if (dice < 929) {
        peer.followerCount(c.skewedUser(s.random));
      } else if (dice < 959) {
        unfollow(peer, c, s);
      } else if (dice < 985) {
        int user = c.nextUserId.getAndIncrement();
        peer.createUser(user);
        c.createdUsers.add(user);
      } else if (dice < 995) {
        Integer user = c.createdUsers.poll();
        if (user != null) {
          peer.deleteUser(user);
        }
      } else {
        checks(peer, c, s);
      }
    }
  },
  /** Durable follows from one client thread: the latency of one acknowledged write. */
  FOLLOW_1("follow-1-thread", false) {
    @Override
    int threads(int configured) {
      return 1;
    }

    @Override
    void op(Peer peer, Context c, ThreadState s) {
      follow(peer, c, s);
    }
  },
  /** Durable follows from all client threads: group commit at work. */
  FOLLOW("follow", false) {
    @Override
    void op(Peer peer, Context c, ThreadState s) {
      follow(peer, c, s);
    }
  };

  public final String label;
  /** Needs profile writes and account creation, which the HTTP peers do not drive. */
  public final boolean needsAccounts;

  /** Whether the workload writes, which a read-only peer cannot run. */
  public boolean writes() {
    return this == FEED_MIX || this == LINKBENCH || this == FOLLOW_1 || this == FOLLOW;
  }

  Workload(String label, boolean needsAccounts) {
    this.label = label;
    this.needsAccounts = needsAccounts;
  }

  abstract void op(Peer peer, Context c, ThreadState s);

  int threads(int configured) {
    return configured;
  }

  public static Workload byLabel(String label) {
    for (Workload workload : values()) {
      if (workload.label.equals(label)) {
        return workload;
      }
    }
    throw new IllegalArgumentException("workload: " + label + " (expected: all or one of "
        + java.util.Arrays.stream(values()).map(w -> w.label).toList() + ")");
  }

  private static void checks(Peer peer, Context c, ThreadState s) {
    for (int i = 0; i < s.authors.length; i++) {
      s.authors[i] = c.skewedUser(s.random);
    }
    peer.checks(c.viewer(s.random), s.authors);
  }

  private static void follow(Peer peer, Context c, ThreadState s) {
    int follower = c.viewer(s.random);
    int followee = c.skewedUser(s.random);
    if (follower != followee && peer.follow(follower, followee)) {
      s.followed(follower, followee);
    }
  }

  private static void unfollow(Peer peer, Context c, ThreadState s) {
    long pair = s.takeRecentFollow();
    if (pair >= 0) {
      peer.unfollow((int) (pair >>> 32), (int) pair);
    } else {
      peer.unfollow(c.viewer(s.random), c.skewedUser(s.random));
    }
  }
}
