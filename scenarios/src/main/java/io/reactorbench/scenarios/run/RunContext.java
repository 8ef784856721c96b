package io.reactorbench.scenarios.run;

import io.reactorbench.results.ResultsStore;
import io.reactorbench.scenarios.machine.MachineLimits;
import io.reactorbench.scenarios.suite.Suite;
import java.util.List;

/**
 * What every cell of a run shares: how to start JVMs, where to pin them, the tracked children and the store.
 *
 * @param classDataSharing      start-up archives of the child JVMs
 * @param fixedServerJvmOptions options every server JVM gets before the suite's (native access, Unsafe for Netty)
 * @param cpuQuotas             where capped cells' servers get their CPU quota; null when no scenario is capped
 * @param limits                the machine's limits the run was planned against ({@code processes: auto} per cell)
 * @param countSyscalls         whether each cell counts its server's system calls ({@code run --syscalls})
 */
record RunContext(Suite suite, Launcher launcher, CpuPinning pinning, ChildProcesses children, ResultsStore store,
                  List<String> fixedServerJvmOptions, ClassDataSharing classDataSharing,
                  ServerCpuQuota.Hierarchy cpuQuotas, MachineLimits limits, boolean countSyscalls) {
}
