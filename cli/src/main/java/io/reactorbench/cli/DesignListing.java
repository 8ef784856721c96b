package io.reactorbench.cli;

import io.reactorbench.wire.spi.Availability;
import io.reactorbench.wire.spi.ServerDesign;
import java.util.List;
import java.util.TreeSet;

/**
 * One design as {@code servers --json} lists it, for scripts: its id, whether it runs here and why not, what it
 * is, and the option keys {@code serve -o KEY=VALUE} and suite files accept.
 *
 * @param cause why it is unavailable; null when available
 */
record DesignListing(String id, boolean available, String cause, String description, List<String> options) {

    static DesignListing of(ServerDesign design) {
        Availability availability = design.availability();
        return new DesignListing(design.id(), availability.available(),
                availability.available() ? null : availability.cause(), design.description(),
                List.copyOf(new TreeSet<>(design.supportedOptions())));
    }
}
