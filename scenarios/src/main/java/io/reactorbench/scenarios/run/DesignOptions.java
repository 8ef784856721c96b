package io.reactorbench.scenarios.run;

import io.reactorbench.scenarios.suite.DesignSpec;
import io.reactorbench.scenarios.suite.Suite;
import io.reactorbench.wire.spi.ServerDesign;
import io.reactorbench.wire.spi.ServerDesigns;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The options one design is started with: the suite-wide {@code server:} options that this design supports
 * (a suite can say {@code lb: round-robin} once without breaking the thread-per-connection designs, which have
 * no load balancer), then the design's own options, which are passed as given and checked by the design.
 */
final class DesignOptions {

    private DesignOptions() {
    }

    static Map<String, String> merged(Suite suite, DesignSpec design) {
        Map<String, String> options = new LinkedHashMap<>();
        Optional<ServerDesign> known = ServerDesigns.find(design.id());
        for (Map.Entry<String, String> option : suite.serverOptions().entrySet()) {
            if (known.isPresent() && known.get().supportedOptions().contains(option.getKey())) {
                options.put(option.getKey(), option.getValue());
            }
        }
        options.putAll(design.options());
        return options;
    }
}
