package dev.candor.adapters.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.connector.authentication.AppCredentials;
import dev.candor.adapters.teams.TeamsActivityJson.User;
import dev.candor.core.identity.Actor;
import dev.candor.core.identity.Platform;
import dev.candor.core.identity.UserRef;
import dev.candor.core.session.ChannelRef;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.testing.TestCandor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The whole Teams stack on loopback: a {@link TestCandor} whose sessions are announced in the Teams
 * channel {@link TeamsActivityJson#CHANNEL}, the real SDK adapter and {@link CandorBot} behind
 * {@link TeamsHttpHandler} on a JDK HTTP server, the {@link TeamsMessenger} registered with the
 * core, and a {@link FakeConnector} as every activity's service URL. Local mode (no app id) unless
 * built with settings.
 */
final class TeamsHarness implements AutoCloseable {
  static final User ORGANIZER = TeamsActivityJson.user("organizer");
  static final User MODERATOR = TeamsActivityJson.user("moderator");
  static final ChannelRef CHANNEL = new ChannelRef(Platform.TEAMS, TeamsActivityJson.CHANNEL);

  final FakeConnector connector;
  final TestCandor core;
  final TeamsAdapter adapter;
  final TeamsMessenger messenger;
  final BotServer server;
  final TeamsActivityJson activities;

  private TeamsHarness(
      UnaryOperator<TestCandor.Builder> tweak,
      Function<FakeConnector, TeamsSettings> settingsFor,
      AppCredentials outbound)
      throws IOException {
    connector = new FakeConnector();
    TeamsSettings settings = settingsFor.apply(connector);
    core =
        tweak
            .apply(
                TestCandor.create()
                    .withChannels(CHANNEL)
                    .withOrganizers("teams:" + ORGANIZER.aadObjectId() + ",console:organizer")
                    .withModerators(new UserRef(Platform.TEAMS, MODERATOR.aadObjectId()))
                    .withBoardRefreshInterval(Duration.ofSeconds(3)))
            .build();
    adapter = new TeamsAdapter(settings, outbound);
    messenger =
        new TeamsMessenger(
            new TeamsConversations(core.storage()),
            settings,
            adapter.outboundCredentials(),
            new ConversationPace(ConversationPace.TEAMS_LIMITS, System::nanoTime, n -> {}));
    core.candor().register(messenger);
    server = new BotServer(new TeamsHttpHandler(adapter, new CandorBot(core.candor(), settings)));
    activities = new TeamsActivityJson(connector.serviceUrl());
  }

  static TeamsHarness local() {
    return local(b -> b);
  }

  static TeamsHarness local(UnaryOperator<TestCandor.Builder> tweak) {
    return start(tweak, connector -> TeamsSettings.local(), null);
  }

  /** With settings made knowing the fake connector (whose URL serves the signing keys). */
  static TeamsHarness start(
      UnaryOperator<TestCandor.Builder> tweak,
      Function<FakeConnector, TeamsSettings> settings,
      AppCredentials outbound) {
    try {
      return new TeamsHarness(tweak, settings, outbound);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Schedules a session in the Teams channel, moderated by {@link #MODERATOR}. */
  ListeningSession session() {
    return core.scheduleSessionAs(
        TestCandor.ORGANIZER, core.sessionRequest("Budget Q&A", List.of(moderatorRef())));
  }

  static Actor moderatorActor() {
    return new Actor(Platform.TEAMS, TeamsActivityJson.TENANT, MODERATOR.aadObjectId());
  }

  static UserRef moderatorRef() {
    return new UserRef(Platform.TEAMS, MODERATOR.aadObjectId());
  }

  /** The bot is added to the team; its channel's reference is stored. */
  void install() {
    check(server.post(activities.installedInChannel(ORGANIZER)));
  }

  BotServer.Answer personal(User from, String text) {
    return check(server.post(activities.personal(from, text)));
  }

  BotServer.Answer channel(User from, String text) {
    return check(server.post(activities.channel(from, text)));
  }

  /** The card the bot answered {@code text} with, typed by {@code from} in their 1:1 chat. */
  JsonNode personalReply(User from, String text) {
    return replyIn(from.personalChat(), () -> personal(from, text));
  }

  /** The card the bot answered {@code @Candor text} with, typed by {@code from} in the channel. */
  JsonNode channelReply(User from, String text) {
    return replyIn(TeamsActivityJson.CHANNEL, () -> channel(from, text));
  }

  /** The one card {@code send} made the bot post into the conversation. */
  JsonNode replyIn(String conversationId, Runnable send) {
    int before = connector.posted(conversationId).size();
    send.run();
    List<FakeConnector.Request> posted = connector.posted(conversationId);
    if (posted.size() != before + 1) {
      throw new AssertionError("expected one answer, got " + (posted.size() - before));
    }
    return posted.get(before).card();
  }

  /** The line a card shows its reader: its error (a refusal) if it has one, else its first text. */
  static String shown(JsonNode card) {
    JsonNode first = null;
    for (JsonNode block : card.path("body")) {
      if (!block.path("type").asText().equals("TextBlock")) {
        continue;
      }
      if (block.path("color").asText().equals("Attention")) {
        return block.path("text").asText();
      }
      first = first == null ? block : first;
    }
    return first == null ? "" : first.path("text").asText();
  }

  /** Whether the card shows an error. */
  static boolean showsError(JsonNode card) {
    return card.path("body").findValuesAsText("color").contains("Attention");
  }

  /** What a button or dialog invoke showed: its message, or the line its dialog shows. */
  static String shownByInvoke(JsonNode invokeBody) {
    return invokeBody.path("task").path("type").asText().equals("message")
        ? message(invokeBody)
        : shown(dialogCard(invokeBody));
  }

  /** A button or dialog invoke; answers with the invoke response's body. */
  JsonNode invoke(String name, User from, boolean inChannel, JsonNode data) {
    return check(server.post(activities.invoke(name, from, inChannel, data))).json();
  }

  /** The text of a {@code task/fetch} or {@code task/submit} that answered with a message. */
  static String message(JsonNode invokeBody) {
    if (!invokeBody.path("task").path("type").asText().equals("message")) {
      throw new AssertionError("expected a message, got " + invokeBody);
    }
    return invokeBody.path("task").path("value").asText();
  }

  /** The card of a task module that answered with a dialog. */
  static JsonNode dialogCard(JsonNode invokeBody) {
    if (!invokeBody.path("task").path("type").asText().equals("continue")) {
      throw new AssertionError("expected a dialog, got " + invokeBody);
    }
    return invokeBody.path("task").path("value").path("card").path("content");
  }

  private static BotServer.Answer check(BotServer.Answer answer) {
    if (answer.status() != 200) {
      throw new AssertionError("the bot answered " + answer.status() + ": " + answer.body());
    }
    return answer;
  }

  long questionCount() {
    return core.count("questions");
  }

  @Override
  public void close() {
    server.close();
    core.close();
    connector.close();
  }
}
