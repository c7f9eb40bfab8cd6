package dev.shimkit.storage;

import dev.shimkit.errors.FlyteDataException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small in-memory back end for the {@code mem://} scheme: a real {@link DataPersistence} (files only) that
 * keeps the interface's default {@code getBytes}/{@code putBytes}, so tests exercise those defaults.
 */
final class MemoryPersistence implements DataPersistence {
  final Map<String, byte[]> objects = new ConcurrentHashMap<>();

  @Override
  public Set<String> schemes() {
    return Set.of("mem");
  }

  @Override
  public boolean exists(String uri) {
    return objects.containsKey(uri);
  }

  @Override
  public void get(String uri, Path local, boolean recursive) {
    byte[] data = objects.get(uri);
    if (data == null) {
      throw FlyteDataException.notFound(uri);
    }
    try {
      Files.write(local, data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void put(Path local, String uri, boolean recursive) {
    try {
      objects.put(uri, Files.readAllBytes(local));
    } catch (IOException e) {
      throw FlyteDataException.upload(uri, e);
    }
  }
}
