package io.reactorbench.cli;

import io.reactorbench.wire.spi.Availability;
import io.reactorbench.wire.spi.ServerDesign;
import io.reactorbench.wire.spi.ServerDesigns;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

@Command(name = "servers", mixinStandardHelpOptions = true,
        description = "Lists every server design with its availability and the transports it serves (tcp, udp, unix).")
final class ServersCommand implements Callable<Integer> {

    /** The widest transport list, {@code tcp, udp, unix}. */
    private static final int TRANSPORTS_WIDTH = "tcp, udp, unix".length();

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print the designs as a JSON array (id, available, cause, description,"
            + " options) for scripts.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                    .writeValueAsString(ServerDesigns.all().stream().map(DesignListing::of).toList()));
            out.flush();
            return Main.EXIT_OK;
        }
        int idWidth = ServerDesigns.ids().stream().mapToInt(String::length).max().orElse(0);
        for (ServerDesign design : ServerDesigns.all()) {
            Availability availability = design.availability();
            String status = availability.available() ? "available" : "unavailable (" + availability.cause() + ")";
            out.println(pad(design.id(), idWidth) + "  " + pad(status, "unavailable".length()) + "  "
                    + pad(ServerDesigns.transportList(design), TRANSPORTS_WIDTH) + "  " + design.description());
        }
        out.flush();
        return Main.EXIT_OK;
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
