package io.reactorbench.sys;

/** Prints what {@link LinuxSys} says about itself; run in a child JVM by {@link NativeAccessDeniedTest}. */
public final class NativeBindingsProbeMain {

    private NativeBindingsProbeMain() {
    }

    public static void main(String[] args) {
        System.out.println("available=" + LinuxSys.isAvailable());
        System.out.println("cause=" + LinuxSys.unavailabilityCause());
    }
}
