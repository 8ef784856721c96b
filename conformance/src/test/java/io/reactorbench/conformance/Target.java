package io.reactorbench.conformance;

import io.reactorbench.wire.spi.App;
import io.reactorbench.wire.spi.ServerDesign;
import java.util.Arrays;
import java.util.stream.Stream;

/** One cell of the conformance matrix: a variant of a server design serving one app. Its toString names the row. */
record Target(Variant variant, App app) {

    /** Every variant ({@link Variant#all()}) × those of {@code apps} it serves in the suite. */
    static Stream<Target> all(App... apps) {
        return Variant.all().flatMap(variant -> Arrays.stream(apps).filter(variant.apps()::contains)
                .map(app -> new Target(variant, app)));
    }

    ServerDesign design() {
        return variant.design();
    }

    @Override
    public String toString() {
        return variant.name() + "/" + app.id();
    }
}
