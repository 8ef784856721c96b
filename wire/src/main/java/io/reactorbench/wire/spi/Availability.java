package io.reactorbench.wire.spi;

/**
 * Whether a design can run on this machine, and if not, why: a value, not an exception, so the CLI
 * can print "netty-iouring: unavailable: io_uring_setup refused" (after Netty's
 * {@code Epoll.unavailabilityCause()}).
 */
public record Availability(boolean available, String cause) {

    private static final Availability AVAILABLE = new Availability(true, null);

    public static Availability ok() {
        return AVAILABLE;
    }

    public static Availability unavailable(String cause) {
        return new Availability(false, cause);
    }

    public static Availability unavailable(Throwable cause) {
        String message = cause.getMessage();
        return new Availability(false, cause.getClass().getSimpleName() + (message == null ? "" : ": " + message));
    }
}
