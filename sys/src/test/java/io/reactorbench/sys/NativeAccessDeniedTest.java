package io.reactorbench.sys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** In a JVM that denies native access, the bindings say so as a value instead of failing with a stack trace. */
class NativeAccessDeniedTest {

    private static final long CHILD_TIMEOUT_S = 60;

    @Test
    void shouldReportUnavailableWithTheFlagToUseWhenNativeAccessIsDenied() throws Exception {
        String output = runProbe("--illegal-native-access=deny");
        assertThat(output).contains("available=false")
                .contains("cause=native access is not enabled: run with --enable-native-access=ALL-UNNAMED");
    }

    @Test
    void shouldBeAvailableWithNativeAccessEnabled() throws Exception {
        String output = runProbe("--enable-native-access=ALL-UNNAMED");
        assertThat(output).contains("available=true").contains("cause=null");
    }

    private static String runProbe(String nativeAccessFlag) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(java, nativeAccessFlag, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), NativeBindingsProbeMain.class.getName()))
                .redirectErrorStream(true)
                .start();
        child.getOutputStream().close();
        if (!child.waitFor(CHILD_TIMEOUT_S, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("probe JVM did not exit within " + CHILD_TIMEOUT_S + " s");
        }
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(output).isZero();
        return output;
    }
}
