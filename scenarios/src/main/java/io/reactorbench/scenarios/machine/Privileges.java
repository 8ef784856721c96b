package io.reactorbench.scenarios.machine;

/**
 * Who this process is, as far as raising limits goes: root in a container is often not allowed what root
 * elsewhere is, so "needs root" would be the wrong advice to someone who already is root.
 *
 * @param uid the real uid (-1 when unknown)
 * @param sysResource whether the effective capabilities hold CAP_SYS_RESOURCE (raising hard limits)
 */
record Privileges(int uid, boolean sysResource) {

    /** Bit of CAP_SYS_RESOURCE in the capability sets (linux/capability.h). */
    private static final int CAP_SYS_RESOURCE = 24;

    static Privileges current() {
        return parse(ProcValues.procValue("/proc/self/status"));
    }

    /** From /proc/self/status (whitespace folded or not): its {@code Uid:} and {@code CapEff:} lines. */
    static Privileges parse(String status) {
        if (status == null) {
            return new Privileges(-1, false);
        }
        int uid = -1;
        long capEff = 0;
        String[] words = status.split("\\s+");
        for (int i = 0; i + 1 < words.length; i++) {
            if (words[i].equals("Uid:")) {
                uid = Integer.parseInt(words[i + 1]);
            } else if (words[i].equals("CapEff:")) {
                capEff = Long.parseUnsignedLong(words[i + 1], 16);
            }
        }
        return new Privileges(uid, (capEff >>> CAP_SYS_RESOURCE & 1) == 1);
    }

    /** What stands between this process and a higher hard limit, e.g. "without root". */
    String limitObstacle() {
        if (uid != 0) {
            return "without root";
        }
        return sysResource ? "without raising the hard limit (prlimit, as root here)"
                : "because the container lacks CAP_SYS_RESOURCE (even as root)";
    }

    /** How to get past {@link #limitObstacle()}. */
    String limitRemedy() {
        if (uid != 0) {
            return "raising it needs root (CAP_SYS_RESOURCE)";
        }
        return sysResource ? "raise it as root" : "raising it needs CAP_SYS_RESOURCE, which this container lacks"
                + " (docker run --cap-add SYS_RESOURCE, or --ulimit nofile=N:N)";
    }
}
