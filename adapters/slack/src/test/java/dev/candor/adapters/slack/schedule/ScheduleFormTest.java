package dev.candor.adapters.slack.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import dev.candor.adapters.slack.interaction.ViewValues;
import dev.candor.adapters.slack.render.Ids;
import dev.candor.core.session.SessionSettings;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScheduleFormTest {
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  @ParameterizedTest(name = "{0}={1} → error at {2}")
  @CsvSource({
    "title,    '',              schedule_title",
    "zone,     Mars/Olympus,    schedule_zone",
    "date,     2026-02-30,      schedule_date",
    "date,     2026-03-01,      schedule_date",
    "time,     25:00,           schedule_date",
    "duration, 0,               schedule_duration",
    "duration, long,            schedule_duration",
    "k,        2,               schedule_k",
    "k,        five,            schedule_k",
    "k,        1001,            schedule_k",
    "channels, '',              schedule_channels"
  })
  void givenOneBadField_thenTheErrorIsBesideIt(String field, String value, String block) {
    Map<String, String> fields = new HashMap<>(valid());
    fields.put(field, value);

    ScheduleForm.Result r = ScheduleForm.read(values(fields), SessionSettings.defaults(), NOW);

    assertThat(r.request()).isEmpty();
    assertThat(r.errors()).containsOnlyKeys(block);
  }

  @ParameterizedTest(name = "k={0} is accepted")
  @CsvSource({"3", "5", "1000"})
  void givenAValidForm_thenItBecomesARequest(String k) {
    Map<String, String> fields = new HashMap<>(valid());
    fields.put("k", k);

    ScheduleForm.Result r = ScheduleForm.read(values(fields), SessionSettings.defaults(), NOW);

    assertThat(r.errors()).isEmpty();
    assertThat(r.request().orElseThrow().settings().minAskers()).isEqualTo(Integer.parseInt(k));
  }

  private static Map<String, String> valid() {
    return Map.of(
        "title",
        "Town hall",
        "zone",
        "UTC",
        "date",
        "2026-03-03",
        "time",
        "15:00",
        "duration",
        "60",
        "k",
        "5",
        "channels",
        "C0BOARD");
  }

  private static ViewValues values(Map<String, String> f) {
    Map<String, Map<String, ViewState.Value>> state = new HashMap<>();
    put(state, Ids.Schedule.TITLE_BLOCK, x -> x.setValue(f.get("title")));
    put(state, Ids.Schedule.ZONE_BLOCK, x -> x.setSelectedOption(option(f.get("zone"))));
    put(state, Ids.Schedule.DATE_BLOCK, x -> x.setSelectedDate(f.get("date")));
    put(state, Ids.Schedule.TIME_BLOCK, x -> x.setSelectedTime(f.get("time")));
    put(state, Ids.Schedule.DURATION_BLOCK, x -> x.setSelectedOption(option(f.get("duration"))));
    put(state, Ids.Schedule.K_BLOCK, x -> x.setValue(f.get("k")));
    List<String> channels = f.get("channels").isEmpty() ? List.of() : List.of(f.get("channels"));
    put(state, Ids.Schedule.CHANNELS_BLOCK, x -> x.setSelectedConversations(channels));
    return ViewValues.of(View.builder().state(ViewState.builder().values(state).build()).build());
  }

  private static void put(
      Map<String, Map<String, ViewState.Value>> state,
      String block,
      Consumer<ViewState.Value> set) {
    ViewState.Value value = new ViewState.Value();
    set.accept(value);
    state.put(block, Map.of(Ids.Schedule.VALUE, value));
  }

  private static ViewState.SelectedOption option(String value) {
    ViewState.SelectedOption o = new ViewState.SelectedOption();
    o.setValue(value);
    return o;
  }
}
