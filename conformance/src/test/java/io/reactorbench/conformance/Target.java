package io.reactorbench.conformance;

import io.reactorbench.wire.spi.App;
import io.reactorbench.wire.spi.ServerDesign;
import io.reactorbench.wire.spi.ServerDesigns;
import java.util.Arrays;
import java.util.stream.Stream;

/** One cell of the conformance matrix: a server design serving one app. Its toString names the report row. */
record Target(ServerDesign design, App app) {

    /** Every design on the class path (available or not: unavailable ones are skipped with their cause) × apps. */
    static Stream<Target> all(App... apps) {
        return ServerDesigns.all().stream()
                .flatMap(design -> Arrays.stream(apps).map(app -> new Target(design, app)));
    }

    @Override
    public String toString() {
        return design.id() + "/" + app.id();
    }
}
