package dev.shimkit.examples;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the example database: a zipped SQLite file with a {@code tracks} table (the shape of the Chinook
 * sample flytekit's docs use), made here so the demo needs nothing from the network.
 */
public final class MusicCatalog {
  private static final Object[][] TRACKS = {
      {"For Those About To Rock", "AC/DC", 343_719, 0.99}, {"Balls to the Wall", "Accept", 342_562, 0.99},
      {"Fast As a Shark", "Accept", 230_619, 0.99}, {"Restless and Wild", "Accept", 252_051, 0.99},
      {"Princess of the Dawn", "Accept", 375_418, 0.99}, {"Put The Finger On You", "AC/DC", 205_662, 0.99},
      {"Let's Get It Up", "AC/DC", 233_926, 0.99}, {"Inject The Venom", "AC/DC", 210_834, 0.99},
      {"Snowballed", "AC/DC", 203_102, 0.99}, {"Evil Walks", "AC/DC", 263_497, 0.99},
      {"Breaking The Rules", "AC/DC", 263_288, 0.99}, {"Night Of The Long Knives", "AC/DC", 205_688, 0.99},
      {"Spellbound", "AC/DC", 270_863, 0.99}, {"Go Down", "AC/DC", 331_180, 0.99},
      {"Dog Eat Dog", "AC/DC", 215_196, 0.99}, {"Let There Be Rock", "AC/DC", 366_654, 0.99},
      {"Bad Boy Boogie", "AC/DC", 267_728, 0.99}, {"Problem Child", "AC/DC", 325_041, 0.99},
      {"Overdose", "AC/DC", 369_319, 0.99}, {"Hell Ain't A Bad Place To Be", "AC/DC", 254_380, 0.99},
      {"Whole Lotta Rosie", "AC/DC", 323_761, 0.99}, {"Walk On Water", "Aerosmith", 295_680, 0.99},
      {"Love In An Elevator", "Aerosmith", 321_828, 0.99}, {"Rag Doll", "Aerosmith", 264_698, 0.99},
      {"Eat The Rich", "Aerosmith", 252_055, 1.29},
  };

  private MusicCatalog() {
  }

  /** Writes {@code music.db} zipped to {@code zip} and returns it. */
  public static Path create(Path zip) throws IOException, SQLException {
    Path dir = Files.createDirectories(zip.toAbsolutePath().getParent());
    Path db = dir.resolve("music.db");
    Files.deleteIfExists(db);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      try (Statement s = c.createStatement()) {
        s.execute("create table tracks (TrackId integer primary key, Name text not null, Artist text, "
            + "Milliseconds integer, UnitPrice real, Notes text)");
      }
      try (PreparedStatement p = c.prepareStatement("insert into tracks values (?, ?, ?, ?, ?, ?)")) {
        for (int i = 0; i < TRACKS.length; i++) {
          p.setInt(1, i + 1);
          p.setString(2, (String) TRACKS[i][0]);
          p.setString(3, (String) TRACKS[i][1]);
          p.setInt(4, (Integer) TRACKS[i][2]);
          p.setDouble(5, (Double) TRACKS[i][3]);
          p.setString(6, i % 4 == 0 ? "live favourite" : null);
          p.addBatch();
        }
        p.executeBatch();
      }
    }
    try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry("music.db"));
      Files.copy(db, z);
      z.closeEntry();
    }
    Files.delete(db);
    return zip;
  }
}
