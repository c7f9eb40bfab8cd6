package dev.shimkit.cli;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.shimkit.config.SerializationSettings;
import dev.shimkit.errors.FlyteUserException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The files of a Flyte package, as {@code pyflyte package} writes them and {@code flytectl register files}
 * reads them: one binary admin message per entity named {@code <index>_<name>_<1|2|3>.pb} (index zero-padded
 * to {@code ceil(log10(N))} digits so that sorting by name keeps the registration order), either in a directory
 * or flat in a gzip-compressed tar.
 */
public final class PackageFiles {
  private static final Pattern KIND_SUFFIX = Pattern.compile("^.*_(?<n>[1-3])\\.pb$");

  private PackageFiles() {
  }

  /**
   * Serializes {@code entities} (already in registration order) under {@code settings}. An entity met twice
   * (same kind and name) is kept once when both give the same message; different messages under one name are
   * an error naming both locations.
   */
  public static List<SerializedEntity> serialize(List<RegistrableEntity> entities, SerializationSettings settings) {
    List<SerializedEntity> out = new ArrayList<>();
    Map<String, RegistrableEntity> firstByKey = new HashMap<>();
    Map<String, Message> specByKey = new HashMap<>();
    for (RegistrableEntity e : entities) {
      Message spec = e.serialize(settings);
      String key = e.kind() + "/" + e.name();
      RegistrableEntity first = firstByKey.putIfAbsent(key, e);
      if (first != null) {
        if (!specByKey.get(key).equals(spec)) {
          throw new FlyteUserException("Two different " + e.kind().label() + "s are named '" + e.name() + "': "
              + first.location() + " and " + e.location() + ". Give one of them another name.");
        }
        continue;
      }
      specByKey.put(key, spec);
      out.add(new SerializedEntity(e.kind(), e.name(), spec));
    }
    return List.copyOf(out);
  }

  /** {@code f"{index}_{name}_{kind}.pb"} with the index padded as pyflyte pads it for {@code count} files. */
  public static String fileName(int index, int count, SerializedEntity entity) {
    int width = count <= 1 ? 0 : (int) Math.ceil(Math.log10(count));
    StringBuilder idx = new StringBuilder(Integer.toString(index));
    while (idx.length() < width) {
      idx.insert(0, '0');
    }
    return idx + "_" + entity.name() + "_" + entity.kind().fileNumber() + ".pb";
  }

  /** Writes one file per entity into {@code dir} (created if needed) and returns the files in order. */
  public static List<Path> writeDirectory(List<SerializedEntity> entities, Path dir) {
    try {
      Files.createDirectories(dir);
      List<Path> written = new ArrayList<>();
      for (int i = 0; i < entities.size(); i++) {
        Path file = dir.resolve(fileName(i, entities.size(), entities.get(i)));
        Files.write(file, entities.get(i).spec().toByteArray());
        written.add(file);
      }
      return written;
    } catch (IOException e) {
      throw new FlyteUserException("Cannot write the serialized entities into " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes the package archive: a gzip-compressed tar holding the entity files flat, in order. The archive is
   * written next to {@code output} first and moved into place, so a failed run leaves no half archive.
   */
  public static void writeArchive(List<SerializedEntity> entities, Path output) {
    Path abs = output.toAbsolutePath();
    try {
      Files.createDirectories(abs.getParent());
      Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
      try {
        try (OutputStream os = Files.newOutputStream(tmp);
             GZIPOutputStream gz = new GZIPOutputStream(os);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
          tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
          tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
          Instant now = Instant.now();
          for (int i = 0; i < entities.size(); i++) {
            byte[] bytes = entities.get(i).spec().toByteArray();
            TarArchiveEntry entry = new TarArchiveEntry(fileName(i, entities.size(), entities.get(i)));
            entry.setSize(bytes.length);
            entry.setMode(0100644);
            entry.setModTime(java.nio.file.attribute.FileTime.from(now));
            tar.putArchiveEntry(entry);
            tar.write(bytes);
            tar.closeArchiveEntry();
          }
          tar.finish();
        }
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new FlyteUserException("Cannot write the package " + output + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads entities back from {@code .pb} files, directories of them, and {@code .tar}/{@code .tgz}/
   * {@code .tar.gz} archives, sorted by file name as {@code flytectl register files} sorts them. Each file is
   * parsed as the message its {@code _1|2|3.pb} suffix declares, else as the first of the three that parses.
   */
  public static List<SerializedEntity> read(List<Path> inputs) {
    List<NamedBytes> files = new ArrayList<>();
    for (Path input : inputs) {
      if (!Files.exists(input)) {
        throw new FlyteUserException("No such file: " + input + "; give .pb files, directories of them, or .tar, "
            + ".tgz or .tar.gz archives");
      }
      String name = input.getFileName().toString();
      if (Files.isDirectory(input)) {
        try (var stream = Files.list(input)) {
          for (Path p : stream.filter(p -> p.getFileName().toString().endsWith(".pb")).toList()) {
            files.add(new NamedBytes(p.getFileName().toString(), input.toString(), Files.readAllBytes(p)));
          }
        } catch (IOException e) {
          throw new FlyteUserException("Cannot read " + input + ": " + e.getMessage(), e);
        }
      } else if (name.endsWith(".tar") || name.endsWith(".tgz") || name.endsWith(".tar.gz")) {
        files.addAll(readArchive(input, !name.endsWith(".tar")));
      } else if (name.endsWith(".pb")) {
        try {
          files.add(new NamedBytes(name, input.toString(), Files.readAllBytes(input)));
        } catch (IOException e) {
          throw new FlyteUserException("Cannot read " + input + ": " + e.getMessage(), e);
        }
      } else {
        throw new FlyteUserException(input + " is neither a .pb file nor a .tar, .tgz or .tar.gz archive");
      }
    }
    files.sort(Comparator.comparing(NamedBytes::name));
    List<SerializedEntity> out = new ArrayList<>();
    for (NamedBytes f : files) {
      out.add(SerializedEntity.of(parse(f)));
    }
    return List.copyOf(out);
  }

  private static Message parse(NamedBytes f) {
    Set<EntityKind> order = new LinkedHashSet<>();
    Matcher m = KIND_SUFFIX.matcher(f.name());
    if (m.matches()) {
      order.add(EntityKind.ofFileNumber(Integer.parseInt(m.group("n"))));
    }
    order.addAll(List.of(EntityKind.values()));
    List<String> errors = new ArrayList<>();
    for (EntityKind kind : order) {
      try {
        return kind.parse(f.bytes());
      } catch (InvalidProtocolBufferException e) {
        errors.add("as a " + kind.label() + ": " + e.getMessage());
      }
    }
    throw new FlyteUserException("File " + f.name() + " in " + f.source() + " is not a TaskSpec, WorkflowSpec or "
        + "LaunchPlan: " + String.join("; ", errors));
  }

  private static List<NamedBytes> readArchive(Path archive, boolean gzip) {
    List<NamedBytes> out = new ArrayList<>();
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive));
         InputStream in = gzip ? new GZIPInputStream(raw) : raw;
         TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        if (!entry.isFile()) {
          continue;
        }
        String name = Path.of(entry.getName()).getFileName().toString();
        if (name.startsWith("fast") && name.endsWith(".tar.gz")) {
          throw new FlyteUserException(archive + " holds a fast-registration code archive (" + name + "); shimkit "
              + "packages never need one: register it with flytectl register files, or repackage without --copy");
        }
        if (name.endsWith(".pb")) {
          out.add(new NamedBytes(name, archive.toString(), tar.readAllBytes()));
        }
      }
    } catch (IOException e) {
      throw new FlyteUserException("Cannot read the archive " + archive + " (" + e.getMessage() + "); expected a "
          + (gzip ? "gzip-compressed " : "") + "tar of .pb files", e);
    }
    if (out.isEmpty()) {
      throw new FlyteUserException("The archive " + archive + " holds no .pb files");
    }
    return out;
  }

  private record NamedBytes(String name, String source, byte[] bytes) {
  }
}
