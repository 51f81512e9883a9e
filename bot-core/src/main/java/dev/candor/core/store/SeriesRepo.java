package dev.candor.core.store;

import dev.candor.core.question.QuestionId;
import dev.candor.core.series.Occurrence;
import dev.candor.core.series.SeriesId;
import dev.candor.core.series.SessionSeries;
import dev.candor.core.session.SessionId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Series of recurring sessions, the link of each occurrence, and questions carried over. */
public interface SeriesRepo {
  /** Stores a new series (its id is ignored) and returns it with the id it was given. */
  SessionSeries insert(SessionSeries series);

  Optional<SessionSeries> find(SeriesId id);

  /** Finds and row-locks the series until the transaction ends: one next occurrence at a time. */
  Optional<SessionSeries> lock(SeriesId id);

  /** Series not stopped. */
  List<SessionSeries> running();

  /** Stops the series: no occurrence after {@code lastOccurrence} is made. */
  void stopAfter(SeriesId id, int lastOccurrence);

  /** Makes {@code session} occurrence {@code number} of {@code series}. */
  void link(SessionId session, SeriesId series, int number);

  /** The series and occurrence number of a session, if it belongs to a series. */
  Optional<Occurrence> occurrenceOf(SessionId session);

  /** The occurrence with the highest number, if any. */
  Optional<Occurrence> latest(SeriesId series);

  /** The occurrence with the smallest number above {@code number}, if any. */
  Optional<Occurrence> after(SeriesId series, int number);

  /** Marks a question as carried over from {@code from}. */
  void markCarried(QuestionId question, SessionId from);

  /** The questions of {@code session} carried over from earlier occurrences, with their origin. */
  Map<QuestionId, SessionId> carried(SessionId session);
}
