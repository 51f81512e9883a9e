package dev.candor.core.testing;

import dev.candor.core.Checks;
import dev.candor.core.delivery.DeliveryException;
import dev.candor.core.delivery.Messenger;
import dev.candor.core.delivery.Notice;
import dev.candor.core.identity.Platform;
import dev.candor.core.identity.UserRef;
import dev.candor.core.render.PlainText;
import dev.candor.core.session.ChannelRef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * A {@link Messenger} that remembers every call the outbox worker makes, and can be told to fail.
 *
 * <p>Every call is kept in {@link #attempts()}, failed or not; successful ones also in {@link
 * #deliveries()} (and by kind in {@link #posts()}, {@link #updates()}, {@link #directs()}). Posts
 * answer with message references {@code <platform>-msg-1}, {@code -2}, …
 *
 * <p>Failures: {@link #failNext} queues exceptions thrown by the next calls of any kind, in order;
 * {@link #failMatching} fails every call a predicate accepts (e.g. a channel the bot was removed
 * from) until {@link #reset()}. Queued failures are used first.
 *
 * <p>Thread-safe, so it also works with a started worker.
 */
public final class RecordingMessenger implements Messenger {

  /** What the worker asked for. */
  public enum Kind {
    POST,
    UPDATE,
    DIRECT
  }

  /**
   * One call.
   *
   * @param channel the channel of a post or update; {@code null} for a direct message
   * @param user the recipient of a direct message; {@code null} otherwise
   * @param messageRef the reference a post returned, or the one an update edited; {@code null} for
   *     direct messages and failed posts
   * @param failure what the call threw, or {@code null} if it succeeded
   */
  public record Delivery(
      Kind kind,
      ChannelRef channel,
      UserRef user,
      String messageRef,
      Notice notice,
      DeliveryException failure) {

    public boolean succeeded() {
      return failure == null;
    }

    /** The notice as plain text, as the console adapter would show it. */
    public String rendered() {
      return PlainText.render(notice);
    }
  }

  private final Platform platform;
  private final List<Delivery> attempts = new ArrayList<>();
  private final Deque<DeliveryException> queued = new ArrayDeque<>();
  private final List<Failing> failing = new ArrayList<>();
  private int refs;

  private record Failing(Predicate<Delivery> matches, DeliveryException failure) {}

  /** A messenger for the console platform. */
  public RecordingMessenger() {
    this(Platform.CONSOLE);
  }

  public RecordingMessenger(Platform platform) {
    this.platform = Checks.notNull(platform, "platform");
  }

  @Override
  public Platform platform() {
    return platform;
  }

  @Override
  public synchronized String post(ChannelRef channel, Notice notice) throws DeliveryException {
    DeliveryException failure =
        failureFor(new Delivery(Kind.POST, channel, null, null, notice, null));
    if (failure != null) {
      attempts.add(new Delivery(Kind.POST, channel, null, null, notice, failure));
      throw failure;
    }
    String ref = platform.id() + "-msg-" + (++refs);
    attempts.add(new Delivery(Kind.POST, channel, null, ref, notice, null));
    return ref;
  }

  @Override
  public synchronized void update(ChannelRef channel, String messageRef, Notice notice)
      throws DeliveryException {
    Delivery call = new Delivery(Kind.UPDATE, channel, null, messageRef, notice, null);
    DeliveryException failure = failureFor(call);
    attempts.add(failure == null ? call : withFailure(call, failure));
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public synchronized void direct(UserRef user, Notice notice) throws DeliveryException {
    Delivery call = new Delivery(Kind.DIRECT, null, user, null, notice, null);
    DeliveryException failure = failureFor(call);
    attempts.add(failure == null ? call : withFailure(call, failure));
    if (failure != null) {
      throw failure;
    }
  }

  /** The next calls, of any kind, throw these, one each, in order. */
  public synchronized RecordingMessenger failNext(DeliveryException... failures) {
    queued.addAll(Arrays.asList(failures));
    return this;
  }

  /** Every call {@code matches} accepts throws {@code failure}, until {@link #reset()}. */
  public synchronized RecordingMessenger failMatching(
      Predicate<Delivery> matches, DeliveryException failure) {
    failing.add(
        new Failing(Checks.notNull(matches, "matches"), Checks.notNull(failure, "failure")));
    return this;
  }

  /** Forgets the recorded calls and every failure still planned; references keep counting. */
  public synchronized void reset() {
    attempts.clear();
    queued.clear();
    failing.clear();
  }

  /** Every call, failed or not, in order. */
  public synchronized List<Delivery> attempts() {
    return List.copyOf(attempts);
  }

  /** The calls that succeeded, in order. */
  public synchronized List<Delivery> deliveries() {
    return attempts.stream().filter(Delivery::succeeded).toList();
  }

  public List<Delivery> posts() {
    return succeeded(Kind.POST);
  }

  public List<Delivery> updates() {
    return succeeded(Kind.UPDATE);
  }

  public List<Delivery> directs() {
    return succeeded(Kind.DIRECT);
  }

  /** The notices of one type that were delivered, in order. */
  public <T extends Notice> List<T> delivered(Class<T> type) {
    return deliveries().stream()
        .map(Delivery::notice)
        .filter(type::isInstance)
        .map(type::cast)
        .toList();
  }

  /** Every delivered notice as plain text. */
  public List<String> rendered() {
    return deliveries().stream().map(Delivery::rendered).toList();
  }

  private List<Delivery> succeeded(Kind kind) {
    return deliveries().stream().filter(d -> d.kind() == kind).toList();
  }

  private DeliveryException failureFor(Delivery call) {
    if (!queued.isEmpty()) {
      return queued.removeFirst();
    }
    for (Failing f : failing) {
      if (f.matches().test(call)) {
        return f.failure();
      }
    }
    return null;
  }

  private static Delivery withFailure(Delivery call, DeliveryException failure) {
    return new Delivery(
        call.kind(), call.channel(), call.user(), call.messageRef(), call.notice(), failure);
  }
}
