package dev.shimkit.sql.internal;

import dev.shimkit.types.TableColumn;
import dev.shimkit.types.TableCursor;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a result on a second thread while the caller writes what was read: the driver's row work (for SQLite,
 * a native call per cell) and the parquet encoding run on two CPUs instead of taking turns. Rows travel in
 * batches of {@value #BATCH} through a queue of {@value #BATCHES} batches, so memory stays bounded whatever
 * the result's size. The rows, their order and the errors are the source cursor's: an error raised while
 * reading row {@code n} is thrown by the {@code next()} that would have returned row {@code n}, after every
 * row before it. Closing stops the reader and closes the source on the caller's thread.
 */
final class PrefetchingCursor implements TableCursor {
  static final int BATCH = 1024;
  static final int BATCHES = 3;

  /** Rows of one batch, column-major; {@code error} ends the result after the batch's rows. */
  private static final class Batch {
    final long[][] longs;
    final double[][] doubles;
    final Object[][] refs;
    final boolean[][] present;
    int size;
    boolean end;
    Throwable error;

    Batch(int columns) {
      longs = new long[columns][BATCH];
      doubles = new double[columns][BATCH];
      refs = new Object[columns][BATCH];
      present = new boolean[columns][BATCH];
    }
  }

  private final ResultSetCursor source;
  private final int n;
  private final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(BATCHES);
  private final BlockingQueue<Batch> full = new ArrayBlockingQueue<>(BATCHES);
  private final Thread reader;
  private Batch current;
  private int pos;
  private boolean done;
  private boolean closed;

  PrefetchingCursor(ResultSetCursor source) {
    this.source = source;
    this.n = source.columns().size();
    for (int i = 0; i < BATCHES; i++) {
      free.add(new Batch(n));
    }
    reader = new Thread(this::read, "shimkit-sql-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** The reader thread: fills free batches from the source until its end, an error, or close. */
  private void read() {
    try {
      boolean more = true;
      while (more) {
        Batch b = free.take();
        b.size = 0;
        try {
          while (b.size < BATCH && (more = source.next())) {
            copyRow(b, b.size++);
          }
        } catch (RuntimeException | Error e) {
          b.error = e;
          more = false;
        }
        b.end = !more;
        full.put(b);
      }
    } catch (InterruptedException e) {
      // closed before the end: the caller no longer wants rows
    }
  }

  private void copyRow(Batch b, int row) {
    for (int c = 0; c < n; c++) {
      boolean has = source.present[c];
      b.present[c][row] = has;
      b.longs[c][row] = source.longs[c];
      b.doubles[c][row] = source.doubles[c];
      b.refs[c][row] = has ? source.refs[c] : null;
    }
  }

  @Override
  public List<TableColumn> columns() {
    return source.columns();
  }

  @Override
  public boolean next() {
    if (done) {
      return false;
    }
    if (current != null && pos + 1 < current.size) {
      pos++;
      return true;
    }
    while (true) {
      if (current != null) {
        if (current.end) {
          done = true;
          if (current.error instanceof RuntimeException e) {
            throw e;
          }
          if (current.error instanceof Error e) {
            throw e;
          }
          return false;
        }
        free.add(current);
      }
      try {
        current = full.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for query rows", e);
      }
      pos = 0;
      if (current.size > 0) {
        return true;
      }
    }
  }

  @Override
  public boolean isNull(int column) {
    return !current.present[column][pos];
  }

  @Override
  public boolean getBoolean(int column) {
    return current.longs[column][pos] != 0;
  }

  @Override
  public long getLong(int column) {
    return current.longs[column][pos];
  }

  @Override
  public double getDouble(int column) {
    return current.doubles[column][pos];
  }

  @Override
  public String getString(int column) {
    return (String) current.refs[column][pos];
  }

  @Override
  public byte[] getBytes(int column) {
    return (byte[]) current.refs[column][pos];
  }

  @Override
  public LocalDate getDate(int column) {
    return (LocalDate) current.refs[column][pos];
  }

  @Override
  public Instant getTimestamp(int column) {
    return (Instant) current.refs[column][pos];
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    done = true;
    reader.interrupt();
    boolean interrupted = false;
    while (reader.isAlive()) {
      try {
        reader.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    source.close();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
