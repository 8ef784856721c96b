package io.reactorbench.scenarios.run;

import java.util.List;

/** Launchers for tests: the stand-in reactorbench and the runner itself, from the test class path. */
final class StandIns {

    private StandIns() {
    }

    static String java() {
        return ProcessHandle.current().info().command().orElseThrow();
    }

    static Launcher launcher() {
        return new Launcher(java(), List.of("-cp", System.getProperty("java.class.path"),
                StandInReactorbench.class.getName()));
    }

    static String externalCommand() {
        return "external:" + java() + " -cp " + System.getProperty("java.class.path") + " "
                + StandInReactorbench.class.getName() + " serve-external --port {port}";
    }
}
