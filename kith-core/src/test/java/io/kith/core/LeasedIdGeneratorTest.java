package io.kith.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kith.core.spi.LocalNodeIdLeases;
import io.kith.core.spi.NodeIdLease;
import io.kith.core.spi.TemporaryStoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Ids issued under a lease stay inside its grant, whatever the clock says. */
class LeasedIdGeneratorTest {
  private static final long EPOCH = 1_577_836_800_000L;
  private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  /** A lease whose grant the test sets, as a store's renewals and losses would. */
  private static final class SetLease implements NodeIdLease {
    final AtomicReference<Grant> grant = new AtomicReference<>();
    long releasedAt = -1;

    @Override
    public Optional<Grant> grant() {
      return Optional.ofNullable(grant.get());
    }

    @Override
    public void release(long nextFreeMillis) {
      releasedAt = nextFreeMillis;
      grant.set(null);
    }
  }

  private static long millis(UserId id) {
    return (id.value() >>> 22) + EPOCH;
  }

  private static int node(UserId id) {
    return (int) (id.value() >>> 12) & 1023;
  }

  @Test
  void idsStartAtTheGrantsStartEvenWhenTheClockIsBehindIt() {
    SetLease lease = new SetLease();
    long from = NOW.toEpochMilli() + 5_000;
    lease.grant.set(new NodeIdLease.Grant(7, from, from + 30_000));
    IdGenerator ids = IdGenerator.leased(lease, CLOCK);

    List<UserId> issued = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      issued.add(ids.next());
    }
    assertThat(issued).allSatisfy(id -> {
      assertThat(millis(id)).isGreaterThanOrEqualTo(from);
      assertThat(node(id)).isEqualTo(7);
    });
    assertThat(issued).isSorted().doesNotHaveDuplicates();
    ids.close();
    assertThat(lease.releasedAt).as("released just past the last timestamp used")
        .isEqualTo(millis(issued.getLast()) + 1);
  }

  @Test
  void nothingIsIssuedAtOrPastTheGrantsEndNorWithoutAGrant() {
    SetLease lease = new SetLease();
    long until = NOW.toEpochMilli() + 2;
    lease.grant.set(new NodeIdLease.Grant(3, 0, until));
    IdGenerator ids = IdGenerator.leased(lease, CLOCK);

    List<UserId> issued = new ArrayList<>();
    TemporaryStoreException stopped = null;
    while (stopped == null) {
      try {
        issued.add(ids.next());
      } catch (TemporaryStoreException e) {
        stopped = e;
      }
    }
    assertThat(issued).as("two milliseconds of sequence numbers").hasSize(2 * 4096)
        .allSatisfy(id -> assertThat(millis(id)).isLessThan(until));

    lease.grant.set(new NodeIdLease.Grant(3, 0, until + 1_000)); // renewed
    assertThat(millis(ids.next())).isEqualTo(until);
    lease.grant.set(null); // lost
    assertThatThrownBy(ids::next).isInstanceOf(TemporaryStoreException.class);
    lease.grant.set(new NodeIdLease.Grant(9, until + 500, until + 1_000)); // leased again, another id
    UserId next = ids.next();
    assertThat(node(next)).isEqualTo(9);
    assertThat(millis(next)).isEqualTo(until + 500);
  }

  @Test
  void localLeasesAreDistinctAndAReleasedIdStartsPastItsLastIds() {
    LocalNodeIdLeases leases = new LocalNodeIdLeases();
    Clock ahead = Clock.offset(CLOCK, Duration.ofHours(1));
    IdGenerator first = IdGenerator.leased(leases.lease(5), ahead);
    IdGenerator second = IdGenerator.leased(leases.lease(5), CLOCK);
    UserId fromFirst = first.next();
    assertThat(node(fromFirst)).isEqualTo(5);
    assertThat(node(second.next())).isEqualTo(6);
    first.close();

    IdGenerator third = IdGenerator.leased(leases.lease(5), CLOCK);
    UserId fromThird = third.next();
    assertThat(node(fromThird)).isEqualTo(5);
    assertThat(fromThird).isGreaterThan(fromFirst);
  }
}
