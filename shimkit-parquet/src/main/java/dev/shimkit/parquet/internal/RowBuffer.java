package dev.shimkit.parquet.internal;

import java.util.Arrays;

/**
 * One row held without boxing: integral values (booleans as 0/1, dates as epoch days, timestamps in their
 * column's unit) in {@link #longs}, floating point in {@link #doubles}, strings and byte arrays in
 * {@link #refs}. {@link #present} marks non-null cells. The writer fills one and hands it to parquet; the
 * reader's converters fill one per record.
 */
public final class RowBuffer {
  public final long[] longs;
  public final double[] doubles;
  public final Object[] refs;
  public final boolean[] present;

  public RowBuffer(int columns) {
    longs = new long[columns];
    doubles = new double[columns];
    refs = new Object[columns];
    present = new boolean[columns];
  }

  /** Marks every cell null and drops references so a row does not keep the previous row's objects alive. */
  public void clear() {
    Arrays.fill(present, false);
    Arrays.fill(refs, null);
  }
}
