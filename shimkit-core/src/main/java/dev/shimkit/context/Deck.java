package dev.shimkit.context;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An HTML page a task writes about its run (flytekit's Flyte Deck): named sections of HTML that the
 * entrypoint renders into {@code deck.html} under the output prefix when the task enables decks. Task code
 * appends with {@code FlyteContext.current().userSpaceParams().orElseThrow().decks().deck("summary").append(html)}.
 */
public final class Deck {
  private final String name;
  private final List<String> parts = Collections.synchronizedList(new ArrayList<>());

  Deck(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  /** Adds a piece of HTML to this deck. */
  public Deck append(String html) {
    parts.add(html);
    return this;
  }

  /** The deck's HTML so far. */
  public String html() {
    synchronized (parts) {
      return String.join("\n", parts);
    }
  }

  /** The decks of one execution, by name, in creation order. Thread-safe. */
  public static final class Decks {
    public static final String DEFAULT = "default";
    private final Map<String, Deck> decks = new LinkedHashMap<>();

    /** The deck named {@code name}, created empty on first use. */
    public synchronized Deck deck(String name) {
      return decks.computeIfAbsent(name, Deck::new);
    }

    public Deck defaultDeck() {
      return deck(DEFAULT);
    }

    public synchronized List<Deck> all() {
      return List.copyOf(decks.values());
    }

    public synchronized boolean isEmpty() {
      return decks.values().stream().allMatch(d -> d.parts.isEmpty());
    }

    /** One HTML page holding every deck as a section. */
    public String render(String title) {
      StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
          .append(escape(title)).append("</title></head><body>\n");
      for (Deck d : all()) {
        html.append("<section id=\"").append(escape(d.name())).append("\"><h2>").append(escape(d.name()))
            .append("</h2>\n").append(d.html()).append("\n</section>\n");
      }
      return html.append("</body></html>\n").toString();
    }

    private static String escape(String s) {
      return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
  }
}
