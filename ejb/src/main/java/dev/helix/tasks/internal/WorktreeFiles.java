package dev.helix.tasks.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The file tools of an agent, confined to its task's worktree: a path that leads outside it (absolute, with
 * {@code ..}, or through a symbolic link) is refused. Every method answers text for the model; a refusal or a
 * mistake is an {@link IllegalArgumentException} whose message says what was wrong.
 */
public final class WorktreeFiles {

    static final int MAX_READ = 100_000;
    static final int MAX_LISTED = 500;
    static final int MAX_MATCHES = 100;
    static final long MAX_SEARCHED_FILE = 1 << 20;

    private final Path root;

    public WorktreeFiles(Path root) {
        try {
            this.root = root.toRealPath();
        } catch (IOException e) {
            throw new IllegalStateException("The worktree " + root + " is not there: " + e.getMessage(), e);
        }
    }

    /** The files under a folder (the worktree's top for {@code null} or "."), one relative path a line. */
    public String list(String folder) throws IOException {
        Path dir = inside(folder == null || folder.isBlank() ? "." : folder);
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException(folder + " is not a folder");
        }
        List<String> lines = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).map(p -> root.relativize(p).toString()).sorted()
                    .limit(MAX_LISTED + 1L).forEach(lines::add);
        }
        if (lines.size() > MAX_LISTED) {
            lines.set(MAX_LISTED, "… more files not listed; list a folder");
        }
        return lines.isEmpty() ? "(no files)" : String.join("\n", lines);
    }

    public String read(String path) throws IOException {
        Path file = existingFile(path);
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_READ * 4 + 1); // never more than the answer can hold, however big the file
        }
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
        return text.length() > MAX_READ || bytes.length > MAX_READ * 4
                ? text.substring(0, Math.min(text.length(), MAX_READ)) + "\n… (cut at " + MAX_READ + " characters)" : text;
    }

    public String write(String path, String content) throws IOException {
        Path file = inside(required(path, "path"));
        if (content == null) {
            throw new IllegalArgumentException("content is missing");
        }
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException(path + " is a folder");
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return "wrote " + content.length() + " characters to " + root.relativize(file);
    }

    /** Replaces the one occurrence of {@code oldText} in the file; none or several are refused. */
    public String edit(String path, String oldText, String newText) throws IOException {
        Path file = existingFile(path);
        required(oldText, "old_text");
        if (newText == null) {
            throw new IllegalArgumentException("new_text is missing");
        }
        String text = Files.readString(file);
        int at = text.indexOf(oldText);
        if (at < 0) {
            throw new IllegalArgumentException("old_text does not occur in " + path);
        }
        if (text.indexOf(oldText, at + 1) >= 0) {
            throw new IllegalArgumentException("old_text occurs more than once in " + path + "; give more of the text around it");
        }
        Files.writeString(file, text.substring(0, at) + newText + text.substring(at + oldText.length()));
        return "replaced 1 occurrence in " + root.relativize(file);
    }

    /** The lines holding the text, as {@code path:line: text}, under a folder (the whole worktree by default). */
    public String search(String text, String folder) throws IOException {
        required(text, "text");
        Path dir = inside(folder == null || folder.isBlank() ? "." : folder);
        List<String> matches = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path file : paths.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
                List<String> lines;
                try {
                    if (Files.size(file) > MAX_SEARCHED_FILE) {
                        continue; // a build output or a data file, not source
                    }
                    lines = Files.readAllLines(file);
                } catch (IOException notText) {
                    continue;
                }
                for (int i = 0; i < lines.size() && matches.size() <= MAX_MATCHES; i++) {
                    if (lines.get(i).contains(text)) {
                        matches.add(root.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        if (matches.size() > MAX_MATCHES) {
            matches.set(MAX_MATCHES, "… more matches not shown; search a folder");
        }
        return matches.isEmpty() ? "no match" : String.join("\n", matches);
    }

    private Path existingFile(String path) {
        Path file = inside(required(path, "path"));
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("no such file: " + path);
        }
        return file;
    }

    /** The path inside the worktree, every part of it that exists checked not to lead outside through a link. */
    private Path inside(String path) {
        Path relative = Path.of(path);
        Path resolved = root.resolve(relative).normalize();
        if (relative.isAbsolute() || !resolved.startsWith(root)) {
            throw new IllegalArgumentException(path + " is outside the task's worktree; give a path relative to it");
        }
        for (Path at = resolved; !at.equals(root); at = at.getParent()) {
            if (Files.isSymbolicLink(at)) {
                throw new IllegalArgumentException(path + " goes through a symbolic link; the tools do not follow links");
            }
        }
        return resolved;
    }

    private static String required(String value, String name) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(name + " is missing");
        }
        return value;
    }
}
