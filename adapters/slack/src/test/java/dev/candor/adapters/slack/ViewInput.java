package dev.candor.adapters.slack;

import dev.candor.adapters.slack.render.Ids;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code view.state.values} of a submitted modal, built field by field. */
final class ViewInput {
  private final Map<String, Object> values = new LinkedHashMap<>();

  static ViewInput of() {
    return new ViewInput();
  }

  /**
   * The schedule modal filled in completely: "Reorg Q&A" on 2026-03-03 at 15:00 Europe/Berlin for
   * 45 minutes in {@link SlackRig#CHANNEL}, moderated by {@link SlackRig#MODERATOR}, reminders a
   * day and an hour before, pre-moderated, with the given k.
   */
  static ViewInput scheduleForm(String k) {
    String v = Ids.Schedule.VALUE;
    return of().text(Ids.Schedule.TITLE_BLOCK, v, "Reorg Q&A")
        .date(Ids.Schedule.DATE_BLOCK, v, "2026-03-03")
        .time(Ids.Schedule.TIME_BLOCK, v, "15:00")
        .selected(Ids.Schedule.ZONE_BLOCK, v, "Europe/Berlin")
        .selected(Ids.Schedule.DURATION_BLOCK, v, "45")
        .conversations(Ids.Schedule.CHANNELS_BLOCK, v, SlackRig.CHANNEL)
        .users(Ids.Schedule.MODERATORS_BLOCK, v, SlackRig.MODERATOR)
        .checked(Ids.Schedule.REMINDERS_BLOCK, v, "86400", "3600")
        .number(Ids.Schedule.K_BLOCK, v, k)
        .checked(Ids.Schedule.OPTIONS_BLOCK, v, "premoderate");
  }

  ViewInput text(String block, String action, String value) {
    return put(block, action, Map.of("type", "plain_text_input", "value", value));
  }

  ViewInput number(String block, String action, String value) {
    return put(block, action, Map.of("type", "number_input", "value", value));
  }

  ViewInput selected(String block, String action, String value) {
    return put(
        block,
        action,
        Map.of(
            "type",
            "static_select",
            "selected_option",
            Map.of("text", Map.of("type", "plain_text", "text", value), "value", value)));
  }

  ViewInput checked(String block, String action, String... values) {
    List<Object> options =
        List.of(values).stream()
            .map(v -> (Object) Map.of("text", Map.of("type", "plain_text", "text", v), "value", v))
            .toList();
    return put(block, action, Map.of("type", "checkboxes", "selected_options", options));
  }

  ViewInput date(String block, String action, String date) {
    return put(block, action, Map.of("type", "datepicker", "selected_date", date));
  }

  ViewInput time(String block, String action, String time) {
    return put(block, action, Map.of("type", "timepicker", "selected_time", time));
  }

  ViewInput conversations(String block, String action, String... ids) {
    return put(
        block,
        action,
        Map.of("type", "multi_conversations_select", "selected_conversations", List.of(ids)));
  }

  ViewInput users(String block, String action, String... ids) {
    return put(block, action, Map.of("type", "multi_users_select", "selected_users", List.of(ids)));
  }

  Map<String, Object> values() {
    return values;
  }

  private ViewInput put(String block, String action, Map<String, Object> value) {
    values.put(block, Map.of(action, value));
    return this;
  }
}
