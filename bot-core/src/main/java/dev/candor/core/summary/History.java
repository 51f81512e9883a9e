package dev.candor.core.summary;

import dev.candor.core.series.Occurrence;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.SessionState;
import dev.candor.core.store.Tx;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/** The sessions that came before one: its series' earlier occurrences, or its channels' past. */
final class History {
  private History() {}

  /** The earlier occurrences of the session's series, oldest first; empty outside a series. */
  static List<ListeningSession> earlierInSeries(Tx tx, ListeningSession s) {
    Optional<Occurrence> me = tx.sessions().series().occurrenceOf(s.id());
    if (me.isEmpty()) {
      return List.of();
    }
    List<ListeningSession> found = new ArrayList<>();
    int k = 0;
    while (k < me.get().number()) {
      Optional<Occurrence> next = tx.sessions().series().after(me.get().series(), k);
      if (next.isEmpty() || next.get().number() >= me.get().number()) {
        break;
      }
      tx.sessions().find(next.get().session()).ifPresent(found::add);
      k = next.get().number();
    }
    return found;
  }

  /**
   * The sessions before this one whose follow-ups it reports: the series' earlier occurrences, or,
   * outside a series, earlier sessions announced in one of the same channels. Oldest first.
   */
  static List<ListeningSession> earlier(Tx tx, ListeningSession s) {
    List<ListeningSession> series = earlierInSeries(tx, s);
    if (!series.isEmpty() || tx.sessions().series().occurrenceOf(s.id()).isPresent()) {
      return series;
    }
    List<ListeningSession> found = new ArrayList<>();
    for (ListeningSession other : tx.sessions().inStates(EnumSet.allOf(SessionState.class))) {
      if (!other.id().equals(s.id())
          && other.state() != SessionState.CANCELLED
          && other.startsAt().isBefore(s.startsAt())
          && !Collections.disjoint(other.audience(), s.audience())) {
        found.add(other);
      }
    }
    found.sort(Comparator.comparing(ListeningSession::startsAt));
    return found;
  }
}
