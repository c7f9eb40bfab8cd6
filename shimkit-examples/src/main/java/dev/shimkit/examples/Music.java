package dev.shimkit.examples;

import dev.shimkit.context.FlyteContext;
import dev.shimkit.sql.SQLite3Task;
import dev.shimkit.task.JavaTask;
import dev.shimkit.task.TaskOptions;
import dev.shimkit.types.StructuredDataset;
import dev.shimkit.types.StructuredDatasets;
import dev.shimkit.types.TableCursor;
import dev.shimkit.workflow.LaunchPlan;
import dev.shimkit.workflow.Node;
import dev.shimkit.workflow.Promise;
import dev.shimkit.workflow.Schedule;
import dev.shimkit.workflow.Workflow;
import java.util.Map;

/**
 * The example: a SQLite3Task selects long tracks, a Java task summarizes the dataset it wrote, and a
 * conditional labels the playlist. Everything is declared in static fields, as users do, so the same objects
 * run locally, run through {@code shimkit-execute}, and package for Flyte.
 */
public final class Music {
  /** System property naming the database the SQL task reads (a local path, file:// or s3:// URI). */
  public static final String DATABASE_PROPERTY = "shimkit.examples.db";

  private Music() {
  }

  /** Bound as parameters: a string input can never change the SQL. */
  public static final SQLite3Task LONG_TRACKS = SQLite3Task.builder("music.long_tracks")
      .query("""
          select TrackId, Name, Artist, Milliseconds, UnitPrice, Notes
          from tracks
          where Milliseconds >= {{ .inputs.min_ms }}
          order by Milliseconds desc
          limit {{ .inputs.limit }}""")
      .input("min_ms", Long.class)
      .input("limit", Long.class)
      .database(System.getProperty(DATABASE_PROPERTY, "music.zip"), true)
      .build();

  public record TrackSet(StructuredDataset tracks) {
  }

  public record Summary(long tracks, double minutes, double price, String longest) {
  }

  /** Reads the dataset the SQL task wrote (parquet, wherever it landed) and summarizes it. */
  public static final JavaTask<TrackSet, Summary> SUMMARIZE = JavaTask.of(TaskOptions.builder()
      .name("music.summarize").retries(1).build(), TrackSet.class, Summary.class, in -> {
        long count = 0;
        long millis = 0;
        double price = 0;
        String longest = "";
        long longestMillis = -1;
        try (TableCursor rows = StructuredDatasets.open(FlyteContext.current(), in.tracks())) {
          while (rows.next()) {
            count++;
            long ms = rows.getLong(3);
            millis += ms;
            price += rows.getDouble(4);
            if (ms > longestMillis) {
              longestMillis = ms;
              longest = rows.getString(1);
            }
          }
        }
        return new Summary(count, Math.round(millis / 600.0) / 100.0, Math.round(price * 100) / 100.0, longest);
      });

  public record Minutes(double minutes) {
  }

  public static final JavaTask<Minutes, String> LONG_PLAYLIST = JavaTask.of("music.long_playlist", Minutes.class,
      String.class, in -> "a long playlist: " + in.minutes() + " minutes, enough for the drive");

  public static final JavaTask<Minutes, String> SHORT_PLAYLIST = JavaTask.of("music.short_playlist", Minutes.class,
      String.class, in -> "a short playlist: " + in.minutes() + " minutes");

  /** Long tracks, their summary, and a label chosen by a conditional on the total length. */
  public static final Workflow PLAYLIST = Workflow.builder("music.playlist")
      .docs("Selects long tracks from the catalog, summarizes them and labels the playlist.")
      .input("min_ms", Long.class, 300_000L).input("limit", Long.class)
      .output("tracks", StructuredDataset.class).output("count", Long.class).output("minutes", Double.class)
      .output("price", Double.class).output("longest", String.class).output("label", String.class)
      .define(wf -> {
        Promise<Long> minMs = wf.input("min_ms", Long.class);
        Promise<Long> limit = wf.input("limit", Long.class);
        Node<Map<String, Object>> select = wf.call(LONG_TRACKS, Map.of("min_ms", minMs, "limit", limit));
        Promise<StructuredDataset> tracks = select.output("results", StructuredDataset.class);
        Node<Summary> summary = wf.call(SUMMARIZE, in -> in.set(TrackSet::tracks).to(tracks));
        Promise<Double> minutes = summary.output(Summary::minutes);
        Promise<String> label = wf.conditional("playlist_length")
            .when(minutes.ge(30.0), b -> b.call(LONG_PLAYLIST, in -> in.set(Minutes::minutes).to(minutes)).output())
            .otherwise(b -> b.call(SHORT_PLAYLIST, in -> in.set(Minutes::minutes).to(minutes)).output());
        wf.output("tracks", tracks);
        wf.output("count", summary.output(Summary::tracks));
        wf.output("minutes", minutes);
        wf.output("price", summary.output(Summary::price));
        wf.output("longest", summary.output(Summary::longest));
        wf.output("label", label);
      });

  /** Every Monday at 06:00, the ten longest tracks over five minutes. */
  public static final LaunchPlan WEEKLY = LaunchPlan.builder("music.weekly_playlist", PLAYLIST)
      .fixedInput("limit", 10L).schedule(Schedule.cron("0 6 * * 1")).label("team", "music").build();
}
