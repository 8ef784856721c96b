package io.reactorbench.wire.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The {@code Date} header value (IMF-fixdate, e.g. {@code Sun, 06 Nov 1994 08:49:37 GMT}), formatted at most
 * once per second and shared by every connection. Each second gets a new immutable array published through
 * a volatile field, so readers on any thread see whole values and hold them safely while a response streams
 * out; nothing is allocated per request.
 */
public final class HttpDate {

    /** Length of an IMF-fixdate. */
    public static final int LENGTH = 29;

    /** {@code dd} zero-padded: {@link DateTimeFormatter#RFC_1123_DATE_TIME} would print "6 Nov", not "06 Nov". */
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private static final HttpDate SYSTEM = new HttpDate(System::currentTimeMillis);

    private record Snapshot(long epochSecond, byte[] bytes) {
    }

    private final LongSupplier clockMillis;
    private volatile Snapshot current = new Snapshot(Long.MIN_VALUE, new byte[0]);

    /** A date source over {@code clockMillis} (epoch milliseconds); tests inject their own clock. */
    public HttpDate(LongSupplier clockMillis) {
        this.clockMillis = clockMillis;
    }

    /** The shared instance on the system clock. */
    public static HttpDate system() {
        return SYSTEM;
    }

    /** The current value as {@link #LENGTH} ASCII bytes; callers must not modify the array. */
    public byte[] bytes() {
        long epochSecond = Math.floorDiv(clockMillis.getAsLong(), 1000L);
        Snapshot snapshot = current;
        if (snapshot.epochSecond != epochSecond) {
            // once per second; two threads racing here both format the same value, either may win
            snapshot = new Snapshot(epochSecond, format(epochSecond));
            current = snapshot;
        }
        return snapshot.bytes;
    }

    static byte[] format(long epochSecond) {
        return IMF_FIXDATE.format(Instant.ofEpochSecond(epochSecond)).getBytes(StandardCharsets.US_ASCII);
    }
}
