package dev.candor.core.testing;

import dev.candor.core.Candor;
import dev.candor.core.CandorSettings;
import dev.candor.core.Checks;
import dev.candor.core.command.CommandContext;
import dev.candor.core.command.Reply;
import dev.candor.core.delivery.OutboxItem;
import dev.candor.core.identity.Actor;
import dev.candor.core.identity.MasterKey;
import dev.candor.core.identity.Organizers;
import dev.candor.core.identity.Platform;
import dev.candor.core.identity.Pseudonym;
import dev.candor.core.identity.UserRef;
import dev.candor.core.question.BoardView;
import dev.candor.core.question.Question;
import dev.candor.core.question.QuestionId;
import dev.candor.core.session.ChannelRef;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.NewSession;
import dev.candor.core.session.SessionId;
import dev.candor.core.session.SessionSettings;
import dev.candor.core.store.Database;
import dev.candor.core.store.Storage;
import dev.candor.core.store.Tx;
import dev.candor.core.store.jdbc.JdbiStorage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A {@link Candor} on a fresh private in-memory H2 database (or, built {@link Builder#onPostgres},
 * a fresh schema of the embedded PostgreSQL the test JVM shares), with a {@link MutableClock} and a
 * {@link RecordingMessenger} per platform: the fixture for tests of the core's rules and, through
 * bot-core's test-jar, of the adapters.
 *
 * <p>Nothing runs by itself: the scheduler and the outbox worker are not started. Tests move the
 * clock and call the jobs ({@code candor().jobs()}) and the worker ({@link #deliverDue()}) by hand.
 *
 * <p>Defaults, each changeable on the {@link Builder}: k = 3, release interval 0 (released at
 * once), no cooldown, 10 questions per person, no pre-moderation, reminders 24 h / 1 h / 10 min,
 * board refresh every 3 s; one channel ({@link #CHANNEL}); {@link #ORGANIZER} is the only organizer
 * and {@link #MODERATOR} moderates every session scheduled through the fixture.
 *
 * <pre>{@code
 * try (TestCandor t = TestCandor.create().withK(5).withReleaseInterval(Duration.ofMinutes(2)).build()) {
 *   ListeningSession s = t.scheduleSession();
 *   t.candor().questions().ask(TestCandor.participant(1), s.id(), "Why the move?");
 *   t.clock().advance(Duration.ofMinutes(2));
 *   t.candor().jobs().releaseAllDue();
 * }
 * }</pre>
 */
public final class TestCandor implements AutoCloseable {
  /** The channel sessions are announced in unless the builder says otherwise. */
  public static final ChannelRef CHANNEL = new ChannelRef(Platform.CONSOLE, "general");

  /** The only organizer, unless the builder names others. */
  public static final Actor ORGANIZER = Actor.of(Platform.CONSOLE, "organizer");

  /** The moderator of every session scheduled through the fixture, unless the builder says else. */
  public static final Actor MODERATOR = Actor.of(Platform.CONSOLE, "moderator");

  private static final AtomicInteger DATABASES = new AtomicInteger();

  private static final String POSTGRES_TABLES =
      "SELECT table_name FROM information_schema.tables WHERE table_schema = ?"
          + " AND table_type = 'BASE TABLE' ORDER BY table_name";

  private final MutableClock clock;
  private final MasterKey masterKey;
  private final Database database;

  /** The schema the fixture's tables live in: {@code PUBLIC} on H2, a fresh one on PostgreSQL. */
  private final String schema;

  private final Candor candor;
  private final Map<Platform, RecordingMessenger> messengers = new EnumMap<>(Platform.class);
  private final List<ChannelRef> channels;
  private final List<UserRef> moderators;
  private final Duration sessionLead;
  private final Duration sessionLength;
  private int sessionCount;

  private TestCandor(Builder b) {
    this.clock = b.clock;
    this.masterKey = b.masterKey != null ? b.masterKey : MasterKey.random();
    this.channels = List.copyOf(b.channels);
    this.moderators = List.copyOf(b.moderators);
    this.sessionLead = b.sessionLead;
    this.sessionLength = b.sessionLength;
    String name = "candor-test-" + DATABASES.incrementAndGet() + "-" + UUID.randomUUID();
    if (b.postgres) {
      this.schema = SharedPostgres.freshSchema("candor_test");
      this.database = openOrDrop(() -> SharedPostgres.open(schema));
    } else {
      this.schema = "PUBLIC";
      this.database = Database.open(Database.h2Memory(name));
    }
    try {
      this.candor = new Candor(b.settings(), new JdbiStorage(database), masterKey, clock);
      for (Platform p : Platform.values()) {
        RecordingMessenger m = new RecordingMessenger(p);
        messengers.put(p, m);
        candor.register(m);
      }
    } catch (RuntimeException e) {
      database.close();
      dropPostgresSchema();
      throw e;
    }
  }

  private Database openOrDrop(Supplier<Database> open) {
    try {
      return open.get();
    } catch (RuntimeException e) {
      dropPostgresSchema();
      throw e;
    }
  }

  /** A builder with the defaults above. */
  public static Builder create() {
    return new Builder();
  }

  /** A fixture with every default. */
  public static TestCandor withDefaults() {
    return create().build();
  }

  /** Participant number {@code n}: {@code console:participant-<n>}, tenant {@code -}. */
  public static Actor participant(int n) {
    return Actor.of(Platform.CONSOLE, "participant-" + n);
  }

  public Candor candor() {
    return candor;
  }

  public MutableClock clock() {
    return clock;
  }

  public Storage storage() {
    return candor.storage();
  }

  public Database database() {
    return database;
  }

  /** Whether the fixture runs on the shared embedded PostgreSQL ({@link Builder#onPostgres}). */
  public boolean isPostgres() {
    return database.isPostgres();
  }

  /**
   * The schema holding the fixture's tables: {@code PUBLIC} on H2, {@code candor_test_<n>} on
   * PostgreSQL.
   */
  public String schema() {
    return schema;
  }

  /** The master key wrapping every session key of this fixture; for audits that unwrap keys. */
  public MasterKey masterKey() {
    return masterKey;
  }

  public Actor organizer() {
    return ORGANIZER;
  }

  public Actor moderator() {
    return MODERATOR;
  }

  /** The recording messenger of the console platform. */
  public RecordingMessenger messenger() {
    return messenger(Platform.CONSOLE);
  }

  /** The recording messenger registered for {@code platform}. */
  public RecordingMessenger messenger(Platform platform) {
    return messengers.get(platform);
  }

  /**
   * The request {@link #scheduleSession()} makes: starts one lead after now, in the configured
   * default zone, with the builder's channels and rules.
   */
  public NewSession sessionRequest(String title, List<UserRef> sessionModerators) {
    return new NewSession(
        title,
        clock.instant().plus(sessionLead),
        clock.instant().plus(sessionLead).plus(sessionLength),
        candor.settings().defaultZone(),
        channels,
        sessionModerators,
        candor.settings().sessionDefaults());
  }

  /**
   * Schedules a session as the organizer: "Session n", starting an hour from now for an hour, in
   * the builder's channels, moderated by {@link #MODERATOR}, with the builder's rules. Intake is
   * open at once (the session is SCHEDULED).
   */
  public ListeningSession scheduleSession() {
    return scheduleSession(moderators);
  }

  /** Like {@link #scheduleSession()}, with other moderators. */
  public ListeningSession scheduleSession(List<UserRef> sessionModerators) {
    return scheduleSession(sessionRequest("Session " + (++sessionCount), sessionModerators));
  }

  /** Schedules {@code request} as {@link #ORGANIZER}. */
  public ListeningSession scheduleSession(NewSession request) {
    return scheduleSessionAs(ORGANIZER, request);
  }

  /**
   * Schedules {@code request} as {@code organizer}: for fixtures built {@link
   * Builder#withOrganizers} that leave out {@link #ORGANIZER}.
   */
  public ListeningSession scheduleSessionAs(Actor organizer, NewSession request) {
    return candor.sessions().schedule(organizer, request);
  }

  /** The session as stored now. */
  public ListeningSession session(SessionId id) {
    return candor.sessions().get(id);
  }

  /**
   * Participants {@code first} to {@code last} each ask one question ("Question from the floor
   * number i?") and the ids are returned in asking order.
   */
  public List<QuestionId> askEach(SessionId session, int first, int last) {
    List<QuestionId> ids = new ArrayList<>();
    for (int i = first; i <= last; i++) {
      ids.add(
          candor
              .questions()
              .ask(participant(i), session, "Question from the floor number " + i + "?")
              .id());
    }
    return ids;
  }

  /** Participants {@code first} to {@code last} each vote for {@code question}. */
  public void voteEach(QuestionId question, int first, int last) {
    for (int i = first; i <= last; i++) {
      candor.votes().vote(participant(i), question);
    }
  }

  /** The question as stored now. */
  public Question question(QuestionId id) {
    return tx(tx -> tx.questions().find(id))
        .orElseThrow(() -> new AssertionError("no question " + id + " in storage"));
  }

  /** Every question of the session as stored now, in any status. */
  public List<Question> questions(SessionId session) {
    return tx(tx -> tx.questions().bySession(session));
  }

  /** The public board of the session as computed now. */
  public BoardView board(SessionId id) {
    return tx(tx -> candor.boards().board(tx, candor.sessions().get(tx, id)));
  }

  /** Runs a command line as {@code actor}, typed in {@link #CHANNEL} (or the first channel). */
  public Reply command(Actor actor, String text) {
    return candor.commands().handle(new CommandContext(actor, channels.get(0)), text);
  }

  /** Runs {@code work} in one transaction. */
  public <T> T tx(Function<Tx, T> work) {
    return storage().inTransaction(work);
  }

  /** Whether the session's key still exists. */
  public boolean keyExists(SessionId id) {
    return tx(tx -> candor.keys().exists(tx, id));
  }

  /** The actor's pseudonym in the session, recomputed from the stored key if it still exists. */
  public Optional<Pseudonym> recompute(SessionId id, Actor actor) {
    return tx(tx -> candor.keys().recompute(tx, id, actor));
  }

  /** Delivers everything due now with the outbox worker; returns how many items were attempted. */
  public int deliverDue() {
    int total = 0;
    for (int round = 0; round < 100; round++) {
      int attempted = candor.worker().drainOnce();
      if (attempted == 0) {
        return total;
      }
      total += attempted;
    }
    throw new AssertionError("the outbox did not settle after 100 rounds");
  }

  /** Every outbox row in insertion order. */
  public List<OutboxItem> outbox() {
    List<Long> ids = new ArrayList<>();
    for (List<String> row : query("SELECT id FROM outbox ORDER BY id")) {
      ids.add(Long.parseLong(row.get(0)));
    }
    return tx(tx -> ids.stream().map(id -> tx.outbox().find(id).orElseThrow()).toList());
  }

  /** The rows of {@code table}. */
  public long count(String table) {
    Checks.check(table.matches("[A-Za-z_]+"), "table must be a plain name");
    return countWhere("SELECT COUNT(*) FROM " + table);
  }

  /** The single number a {@code SELECT COUNT(*) ...} statement answers. */
  public long countWhere(String countQuery, Object... parameters) {
    return Long.parseLong(query(countQuery, parameters).get(0).get(0));
  }

  /** Runs a query directly over JDBC; every column of every row as a string (SQL NULL as null). */
  public List<List<String>> query(String sql, Object... parameters) {
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement st = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        st.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = st.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        List<List<String>> rows = new ArrayList<>();
        while (rs.next()) {
          List<String> row = new ArrayList<>(columns);
          for (int i = 1; i <= columns; i++) {
            row.add(rs.getString(i));
          }
          rows.add(row);
        }
        return rows;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("query failed: " + sql, e);
    }
  }

  /**
   * Every row of every table in the fixture's {@link #schema()} (PUBLIC on H2): Candor's tables and
   * Flyway's history, one string per row: {@code TABLE: COLUMN=value, ...}, each value read as a
   * string. For audits that search the whole database for something that must not be there.
   */
  public List<String> dumpAllTables() {
    try (Connection c = database.dataSource().getConnection()) {
      return DatabaseDump.rows(c, tableNames());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot dump the database", e);
    }
  }

  /** The names of the tables {@link #dumpAllTables()} reads. */
  public List<String> tableNames() {
    return (isPostgres()
            ? query(POSTGRES_TABLES, schema)
            : query(
                "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"
                    + " ORDER BY TABLE_NAME"))
        .stream().map(r -> r.get(0)).toList();
  }

  /** Stops the worker and scheduler if a test started them, and drops the database. */
  @Override
  public void close() {
    try {
      candor.close();
    } finally {
      database.close();
      dropPostgresSchema();
    }
  }

  private void dropPostgresSchema() {
    if (!"PUBLIC".equals(schema)) {
      SharedPostgres.dropSchema(schema);
    }
  }

  /**
   * Chooses the rules and surroundings of a {@link TestCandor}; every setter returns {@code this}.
   */
  public static final class Builder {
    private int k = 3;
    private Duration releaseInterval = Duration.ZERO;
    private Duration cooldown = Duration.ZERO;
    private int maxQuestions = 10;
    private boolean premoderated;
    private List<Duration> reminderOffsets = SessionSettings.defaults().reminderOffsets();
    private Organizers organizers = Organizers.of(ORGANIZER.ref());
    private Duration boardRefresh = Duration.ofSeconds(3);
    private Duration intakeClosingLead = Duration.ofMinutes(15);
    private MutableClock clock = MutableClock.standard();
    private List<ChannelRef> channels = List.of(CHANNEL);
    private List<UserRef> moderators = List.of(MODERATOR.ref());
    private Duration sessionLead = Duration.ofHours(1);
    private Duration sessionLength = Duration.ofHours(1);
    private UnaryOperator<CandorSettings> tweak = UnaryOperator.identity();
    private boolean postgres = SharedPostgres.isDefault();
    private MasterKey masterKey;

    private Builder() {}

    /** k: distinct askers before anything is released, and the suppression threshold. */
    public Builder withK(int k) {
      this.k = k;
      return this;
    }

    public Builder withReleaseInterval(Duration interval) {
      this.releaseInterval = interval;
      return this;
    }

    public Builder withCooldown(Duration cooldown) {
      this.cooldown = cooldown;
      return this;
    }

    public Builder withMaxQuestions(int max) {
      this.maxQuestions = max;
      return this;
    }

    public Builder withPremoderation() {
      this.premoderated = true;
      return this;
    }

    public Builder withReminderOffsets(Duration... offsets) {
      this.reminderOffsets = List.of(offsets);
      return this;
    }

    /**
     * Organizers in the configuration form, e.g. {@code console:boss} or {@code *}, instead of
     * {@link #ORGANIZER}; if they leave it out, schedule with {@link #scheduleSessionAs}.
     */
    public Builder withOrganizers(String spec) {
      this.organizers = Organizers.parse(spec);
      return this;
    }

    public Builder withBoardRefreshInterval(Duration interval) {
      this.boardRefresh = interval;
      return this;
    }

    public Builder withIntakeClosingLead(Duration lead) {
      this.intakeClosingLead = lead;
      return this;
    }

    public Builder withClock(MutableClock clock) {
      this.clock = Checks.notNull(clock, "clock");
      return this;
    }

    /** The audience of sessions scheduled through the fixture; the first is where commands run. */
    public Builder withChannels(ChannelRef... channels) {
      Checks.check(channels.length > 0, "at least one channel");
      this.channels = List.of(channels);
      return this;
    }

    /** The moderators of sessions scheduled through the fixture. */
    public Builder withModerators(UserRef... moderators) {
      this.moderators = List.of(moderators);
      return this;
    }

    /** When fixture sessions start (after now) and how long they run. */
    public Builder withSessionTimes(Duration lead, Duration length) {
      this.sessionLead = lead;
      this.sessionLength = length;
      return this;
    }

    /** Any other change to the settings, applied last. */
    public Builder withSettings(UnaryOperator<CandorSettings> tweak) {
      this.tweak = Checks.notNull(tweak, "tweak");
      return this;
    }

    /**
     * Runs the fixture on the embedded PostgreSQL shared by the whole test JVM ({@link
     * SharedPostgres}), in a fresh schema dropped again at {@link #close()}, instead of on a
     * private in-memory H2.
     */
    public Builder onPostgres() {
      this.postgres = true;
      return this;
    }

    /**
     * Wraps session keys under {@code key} instead of a random master key, for audits that need its
     * bytes.
     */
    public Builder withMasterKey(MasterKey key) {
      this.masterKey = Checks.notNull(key, "key");
      return this;
    }

    public TestCandor build() {
      return new TestCandor(this);
    }

    private CandorSettings settings() {
      SessionSettings rules =
          new SessionSettings(
              k, releaseInterval, premoderated, maxQuestions, cooldown, reminderOffsets);
      CandorSettings base = CandorSettings.defaults();
      return tweak.apply(
          base.withOrganizers(organizers)
              .withSessionDefaults(rules)
              .withTiming(intakeClosingLead, boardRefresh, base.releaseTick()));
    }
  }
}
