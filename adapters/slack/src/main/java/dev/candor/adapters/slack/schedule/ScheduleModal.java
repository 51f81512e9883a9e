package dev.candor.adapters.slack.schedule;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.datePicker;
import static com.slack.api.model.block.element.BlockElements.multiConversationsSelect;
import static com.slack.api.model.block.element.BlockElements.multiUsersSelect;
import static com.slack.api.model.block.element.BlockElements.numberInput;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.block.element.BlockElements.timePicker;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ConversationsFilter;
import com.slack.api.model.view.View;
import dev.candor.adapters.slack.render.Ids;
import dev.candor.adapters.slack.render.Modals;
import dev.candor.adapters.slack.render.SlackText;
import dev.candor.core.CandorSettings;
import dev.candor.core.render.PlainText;
import dev.candor.core.session.NewSession;
import dev.candor.core.session.SessionSettings;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The "Schedule a session" modal: title, date, time, time zone, duration, channels, moderators,
 * reminders, the threshold k and pre-moderation, prefilled with the configured defaults. Pure.
 */
public final class ScheduleModal {
  /** Time zones offered besides the configured default. */
  static final List<String> ZONES =
      List.of(
          "UTC",
          "America/Los_Angeles",
          "America/Denver",
          "America/Chicago",
          "America/New_York",
          "America/Sao_Paulo",
          "Europe/London",
          "Europe/Dublin",
          "Europe/Paris",
          "Europe/Berlin",
          "Europe/Madrid",
          "Europe/Rome",
          "Europe/Amsterdam",
          "Europe/Stockholm",
          "Europe/Warsaw",
          "Europe/Athens",
          "Europe/Istanbul",
          "Africa/Johannesburg",
          "Africa/Nairobi",
          "Asia/Dubai",
          "Asia/Kolkata",
          "Asia/Singapore",
          "Asia/Shanghai",
          "Asia/Tokyo",
          "Australia/Sydney",
          "Pacific/Auckland");

  static final List<Duration> DURATIONS =
      List.of(
          Duration.ofMinutes(15),
          Duration.ofMinutes(30),
          Duration.ofMinutes(45),
          Duration.ofHours(1),
          Duration.ofMinutes(90),
          Duration.ofHours(2),
          Duration.ofHours(3));

  static final List<Duration> REMINDERS =
      List.of(
          Duration.ofDays(1), Duration.ofHours(1), Duration.ofMinutes(15), Duration.ofMinutes(10));

  static final String PREMODERATE = "premoderate";
  static final String DEFAULT_TIME = "15:00";

  private ScheduleModal() {}

  /**
   * The form, dated {@code day}; {@code channel} (where the command was typed) is the first
   * audience.
   */
  public static View form(CandorSettings settings, LocalDate day, Optional<String> channel) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        field(
            Ids.Schedule.TITLE_BLOCK,
            "Title",
            false,
            plainTextInput(
                p ->
                    p.actionId(Ids.Schedule.VALUE)
                        .maxLength(NewSession.MAX_TITLE)
                        .placeholder(plainText("e.g. Budget Q&A with the director")))));
    blocks.addAll(when(settings, day));
    blocks.addAll(audience(channel));
    blocks.addAll(rules(settings.sessionDefaults()));
    blocks.add(
        context(
            List.of(
                markdownText(
                    "Invite Candor to each channel first (`/invite @Candor`). Intake opens as"
                        + " soon as you schedule; k can never be below "
                        + SessionSettings.MIN_K
                        + "."))));
    return view(
        v ->
            v.type("modal")
                .callbackId(Ids.Schedule.CALLBACK)
                .title(viewTitle(t -> t.type("plain_text").text("Schedule a session")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Schedule")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
  }

  /** Date, start time, time zone and duration. */
  private static List<LayoutBlock> when(CandorSettings settings, LocalDate day) {
    String zone = settings.defaultZone().getId();
    Duration duration = settings.defaultDuration();
    return List.of(
        field(
            Ids.Schedule.DATE_BLOCK,
            "Date",
            false,
            datePicker(d -> d.actionId(Ids.Schedule.VALUE).initialDate(day.toString()))),
        field(
            Ids.Schedule.TIME_BLOCK,
            "Start time",
            false,
            timePicker(t -> t.actionId(Ids.Schedule.VALUE).initialTime(DEFAULT_TIME))),
        field(
            Ids.Schedule.ZONE_BLOCK,
            "Time zone",
            false,
            staticSelect(
                s ->
                    s.actionId(Ids.Schedule.VALUE)
                        .options(zones(zone))
                        .initialOption(zoneOption(zone)))),
        field(
            Ids.Schedule.DURATION_BLOCK,
            "Duration",
            false,
            staticSelect(
                s ->
                    s.actionId(Ids.Schedule.VALUE)
                        .options(durations(duration))
                        .initialOption(durationOption(duration)))));
  }

  /** The channels that get reminders and the board, and the moderators. */
  private static List<LayoutBlock> audience(Optional<String> channel) {
    return List.of(
        field(
            Ids.Schedule.CHANNELS_BLOCK,
            "Channels for reminders and the live board",
            false,
            multiConversationsSelect(
                m ->
                    m.actionId(Ids.Schedule.VALUE)
                        .filter(
                            ConversationsFilter.builder()
                                .include(List.of("public", "private"))
                                .excludeBotUsers(true)
                                .build())
                        .initialConversations(channel.map(List::of).orElse(null))
                        .defaultToCurrentConversation(channel.isEmpty() ? true : null))),
        field(
            Ids.Schedule.MODERATORS_BLOCK,
            "Moderators (they receive the summary)",
            true,
            multiUsersSelect(m -> m.actionId(Ids.Schedule.VALUE))));
  }

  /** Reminders, k and pre-moderation, prefilled with the configured defaults. */
  private static List<LayoutBlock> rules(SessionSettings rules) {
    OptionObject premoderate =
        option(plainText("Hold each question until a moderator approves it"), PREMODERATE);
    return List.of(
        field(
            Ids.Schedule.REMINDERS_BLOCK,
            "Reminders before the start",
            true,
            checkboxes(
                c ->
                    c.actionId(Ids.Schedule.VALUE)
                        .options(reminderOptions())
                        .initialOptions(initialReminders(rules.reminderOffsets())))),
        field(
            Ids.Schedule.K_BLOCK,
            "Release questions once this many people have asked (k)",
            false,
            numberInput(
                n ->
                    n.actionId(Ids.Schedule.VALUE)
                        .decimalAllowed(false)
                        .minValue(Integer.toString(SessionSettings.MIN_K))
                        .maxValue(Integer.toString(ScheduleForm.MAX_K))
                        .initialValue(Integer.toString(rules.minAskers())))),
        field(
            Ids.Schedule.OPTIONS_BLOCK,
            "Moderation",
            true,
            checkboxes(
                c ->
                    c.actionId(Ids.Schedule.VALUE)
                        .options(List.of(premoderate))
                        .initialOptions(rules.premoderated() ? List.of(premoderate) : null))));
  }

  /** Shown to people who are not organizers. */
  public static View notAllowed() {
    return Modals.info(
        "Schedule a session",
        SlackText.escape(
            "Only organizers can schedule sessions. Ask an organizer of your department's"
                + " Candor."));
  }

  private static LayoutBlock field(String block, String label, boolean optional, BlockElement e) {
    return input(i -> i.blockId(block).label(plainText(label)).optional(optional).element(e));
  }

  private static List<OptionObject> zones(String defaultZone) {
    Set<String> ids = new LinkedHashSet<>();
    ids.add(defaultZone);
    ids.addAll(ZONES);
    return ids.stream().map(ScheduleModal::zoneOption).toList();
  }

  private static OptionObject zoneOption(String zone) {
    return option(plainText(SlackText.plain(zone.replace('_', ' '), SlackText.OPTION_MAX)), zone);
  }

  private static List<OptionObject> durations(Duration defaultDuration) {
    Set<Duration> all = new LinkedHashSet<>(DURATIONS);
    all.add(defaultDuration);
    return all.stream().sorted().map(ScheduleModal::durationOption).toList();
  }

  private static OptionObject durationOption(Duration d) {
    return option(plainText(PlainText.lead(d)), Long.toString(d.toMinutes()));
  }

  private static List<OptionObject> reminderOptions() {
    return REMINDERS.stream().map(ScheduleModal::reminderOption).toList();
  }

  private static List<OptionObject> initialReminders(List<Duration> offsets) {
    List<OptionObject> initial = new ArrayList<>();
    for (Duration d : REMINDERS) {
      if (offsets.contains(d)) {
        initial.add(reminderOption(d));
      }
    }
    return initial.isEmpty() ? null : initial;
  }

  private static OptionObject reminderOption(Duration d) {
    return option(plainText(PlainText.lead(d) + " before"), Long.toString(d.toSeconds()));
  }
}
