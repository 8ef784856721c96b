package io.reactorbench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Checks this machine: JDK, cores, limits, pollers; says what to change for N connections.")
final class DoctorCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UserError("'doctor' is not implemented yet");
    }
}
