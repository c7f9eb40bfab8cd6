package dev.shimkit.cli.internal;

import dev.shimkit.cli.Registrar;
import java.io.PrintWriter;

/**
 * Registration output: a one-line progress bar redrawn in place when a person watches a terminal and there are
 * many entities; otherwise one plain line per entity (logs, CI).
 */
public final class ProgressListeners {
  /** More entities than this get a progress bar on a terminal. */
  public static final int BAR_THRESHOLD = 5;
  private static final int BAR_WIDTH = 30;

  private ProgressListeners() {
  }

  /**
   * The listener for {@code total} entities: a bar on {@code err} when {@code terminal} and many entities, else
   * one line per entity on {@code out}.
   */
  public static Registrar.Listener forOutput(PrintWriter out, PrintWriter err, boolean terminal, int total) {
    return terminal && total > BAR_THRESHOLD ? new Bar(err) : new Lines(out);
  }

  /** One line per entity. */
  static final class Lines implements Registrar.Listener {
    private final PrintWriter out;

    Lines(PrintWriter out) {
      this.out = out;
    }

    @Override
    public void registered(Registrar.Result r) {
      out.println((r.outcome() == Registrar.Outcome.CREATED ? "registered " : "already registered ")
          + r.kind().label() + " " + r.id().getName() + " version " + r.id().getVersion());
      out.flush();
    }
  }

  /** {@code [#####.....] 12/40 name}, redrawn with a carriage return. */
  static final class Bar implements Registrar.Listener {
    private final PrintWriter out;
    private int total;
    private int done;
    private int created;

    Bar(PrintWriter out) {
      this.out = out;
    }

    @Override
    public void started(int n) {
      total = n;
    }

    @Override
    public void registered(Registrar.Result r) {
      done++;
      if (r.outcome() == Registrar.Outcome.CREATED) {
        created++;
      }
      int filled = total == 0 ? BAR_WIDTH : done * BAR_WIDTH / total;
      String name = r.id().getName();
      if (name.length() > 40) {
        name = "..." + name.substring(name.length() - 37);
      }
      out.print("\r[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] " + done + "/" + total + " "
          + String.format("%-40s", name));
      out.flush();
    }

    @Override
    public void finished() {
      out.println();
      out.println(created + " created, " + (done - created) + " already registered");
      out.flush();
    }
  }
}
