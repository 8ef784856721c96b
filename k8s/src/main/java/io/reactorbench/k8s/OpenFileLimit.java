package io.reactorbench.k8s;

import java.util.List;

/**
 * The agent's open-file limit. A pod spec has no rlimit field, so the container raises its own: {@code sh -c 'ulimit
 * -n N && exec reactorbench "$@"'}. That can only go up to the hard limit the container runtime hands down
 * (containerd's and CRI-O's systemd units long set 1048576 or more; containerd 2.0 dropped that setting, leaving
 * systemd's default hard limit of 524288); above it the shell fails at once with its own message, the agent never
 * registers, and the coordinator's ready deadline names the missing agent.
 */
public final class OpenFileLimit {

    /** The hard limit of containerd 2.0 under systemd 240+, and below every older runtime's: works on all of them. */
    public static final int DEFAULT = 524_288;

    private OpenFileLimit() {
    }

    /** The container command; the contract's arguments follow as {@code "$@"}, unquoted by nothing in between. */
    static List<String> command(int openFiles) {
        // $0 is the name sh reports errors under; "$@" passes the args through word for word.
        return List.of("sh", "-c", "ulimit -n " + openFiles + " && exec " + AgentContract.EXECUTABLE + " \"$@\"",
                AgentContract.EXECUTABLE);
    }
}
