package io.kith.tools;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.LongConsumer;
import java.util.zip.GZIPInputStream;

/**
 * An edge list read from a file: SNAP text ({@code #} comments, node ids separated by tabs or spaces) or CSV
 * (commas; a header line is skipped; columns after the first two are ignored), LF or CRLF, gzip-compressed when
 * the name ends in {@code .gz}. Self-loops are skipped and counted, since a user cannot follow themselves.
 *
 * @param followers node ids, in file order; only the first {@code count} are edges
 */
public record EdgeListFile(long[] followers, long[] followees, int count, long selfLoops, long commentLines,
                           long headerLines) {

  /** Reads {@code file}; {@code bytesRead} hears the compressed bytes consumed so far, for a progress bar. */
  public static EdgeListFile read(Path file, LongConsumer bytesRead) throws IOException {
    try (CountingStream counted = new CountingStream(Files.newInputStream(file), bytesRead);
         InputStream in = new BufferedInputStream(
             file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(counted, 1 << 16) : counted,
             1 << 16)) {
      return new Parser(file).parse(in);
    }
  }

  private static final class Parser {
    private final Path file;
    private long[] followers = new long[1 << 16];
    private long[] followees = new long[1 << 16];
    private int count;
    private long selfLoops;
    private long comments;
    private long headers;
    private long line;
    private boolean sawData;

    Parser(Path file) {
      this.file = file;
    }

    EdgeListFile parse(InputStream in) throws IOException {
      byte[] buffer = new byte[4096];
      int length = 0;
      byte[] chunk = new byte[1 << 16];
      int read;
      while ((read = in.read(chunk)) > 0) {
        for (int i = 0; i < read; i++) {
          byte b = chunk[i];
          if (b == '\n') {
            onLine(buffer, length);
            length = 0;
          } else if (b != '\r') {
            if (length == buffer.length) {
              buffer = Arrays.copyOf(buffer, 2 * length);
            }
            buffer[length++] = b;
          }
        }
      }
      if (length > 0) {
        onLine(buffer, length);
      }
      return new EdgeListFile(followers, followees, count, selfLoops, comments, headers);
    }

    private void onLine(byte[] text, int length) {
      line++;
      int start = skipSeparators(text, 0, length);
      if (start == length) {
        return; // blank
      }
      if (text[start] == '#' || text[start] == '%') {
        comments++;
        return;
      }
      int firstEnd = fieldEnd(text, start, length);
      int second = skipSeparators(text, firstEnd, length);
      int secondEnd = fieldEnd(text, second, length);
      long follower = number(text, start, firstEnd);
      long followee = number(text, second, secondEnd);
      if (follower < 0 || followee < 0) {
        if (!sawData && headers == 0) {
          headers++; // a CSV header such as "source,target,rating,time"
          return;
        }
        throw new IllegalArgumentException(file + " line " + line + ": '" + new String(text, 0, length,
            java.nio.charset.StandardCharsets.UTF_8) + "' (expected: two node ids, non-negative integers)");
      }
      sawData = true;
      if (follower == followee) {
        selfLoops++;
        return;
      }
      if (count == followers.length) {
        followers = Arrays.copyOf(followers, 2 * count);
        followees = Arrays.copyOf(followees, 2 * count);
      }
      followers[count] = follower;
      followees[count] = followee;
      count++;
    }

    private static int skipSeparators(byte[] text, int from, int length) {
      int i = from;
      while (i < length && (text[i] == ' ' || text[i] == '\t' || text[i] == ',')) {
        i++;
      }
      return i;
    }

    private static int fieldEnd(byte[] text, int from, int length) {
      int i = from;
      while (i < length && text[i] != ' ' && text[i] != '\t' && text[i] != ',') {
        i++;
      }
      return i;
    }

    /** The field as a non-negative number, or -1 if it is not one. */
    private static long number(byte[] text, int from, int to) {
      if (from == to || to - from > 18) {
        return -1;
      }
      long value = 0;
      for (int i = from; i < to; i++) {
        int digit = text[i] - '0';
        if (digit < 0 || digit > 9) {
          return -1;
        }
        value = value * 10 + digit;
      }
      return value;
    }
  }

  /** Counts the bytes read from the file itself (compressed), which is what the file size measures. */
  private static final class CountingStream extends java.io.FilterInputStream {
    private final LongConsumer listener;
    private long total;

    CountingStream(InputStream in, LongConsumer listener) {
      super(in);
      this.listener = listener;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        listener.accept(++total);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        total += n;
        listener.accept(total);
      }
      return n;
    }
  }
}
