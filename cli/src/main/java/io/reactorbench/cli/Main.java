package io.reactorbench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code reactorbench} command: one entry point, one subcommand per job, each in its own file. */
@Command(name = "reactorbench", mixinStandardHelpOptions = true, version = "reactorbench 0.1.0",
        description = "Compares JVM server reactor designs under one load generator.",
        subcommands = {
            ServeCommand.class,
            ServersCommand.class,
            LoadCommand.class,
            CoordinateCommand.class,
            K8sCommand.class,
            RunCommand.class,
            DoctorCommand.class,
            ReportCommand.class,
            CompareCommand.class,
            GateCommand.class,
            BaselineCommand.class,
            HelpCommand.class
        })
public final class Main implements java.util.concurrent.Callable<Integer> {

    /** Exit codes shared by every subcommand. */
    public static final int EXIT_OK = 0;
    public static final int EXIT_CHECK_FAILED = 1;
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of {@link #main}). */
    public static int execute(String... args) {
        System.setProperty("java.awt.headless", "true");
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(new UserErrorHandler());
        cli.setParameterExceptionHandler(new UsageErrorHandler());
        // '@FILE' after --body is a value (load --body @file, as curl spells it): ArgumentFiles expands the others.
        cli.setExpandAtFiles(false);
        LoadOptionGroups.install(cli.getSubcommands().get("load"));
        String[] expanded;
        try {
            expanded = ArgumentFiles.expand(args);
        } catch (UserError e) {
            System.err.println("reactorbench: " + e.getMessage());
            return e.exitCode();
        }
        return cli.execute(expanded);
    }

    /** No command: the usage on stderr and exit 2, as for a command group without its subcommand. */
    @Override
    public Integer call() {
        spec.commandLine().usage(System.err);
        return EXIT_USAGE;
    }
}
