package io.reactorbench.cli;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A generated Job's container as a local process: its command, args and env exactly as the objects carry them, with
 * only what Kubernetes itself supplies put in: each volume mount's path becomes a directory (or, with a subPath, a
 * file) under {@code root}, filled from the generated ConfigMap or Secret as the kubelet would; each {@code HOST:PORT}
 * in {@code addresses} (a Service, the pod's own listening address) becomes the local one; and {@code reactorbench},
 * the image's executable, is this build's JVM, found first on PATH.
 */
final class LocalPod {

    private final List<String> commandLine;
    private final Map<String, String> environment;

    private LocalPod(List<String> commandLine, Map<String, String> environment) {
        this.commandLine = commandLine;
        this.environment = environment;
    }

    /**
     * @param addresses {@code HOST:PORT} as written in the objects to what stands for it here
     * @param kubernetesEnv what Kubernetes adds to the container's env (an Indexed Job's {@code JOB_COMPLETION_INDEX})
     */
    static LocalPod of(Job job, List<ConfigMap> configMaps, List<Secret> secrets, Path root,
            Map<String, String> addresses, Map<String, String> kubernetesEnv) throws IOException {
        PodSpec pod = job.getSpec().getTemplate().getSpec();
        Container container = pod.getContainers().getFirst();
        Map<String, String> replacements = new LinkedHashMap<>(addresses);
        for (VolumeMount mount : container.getVolumeMounts()) {
            Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst()
                    .orElseThrow();
            Path local = root.resolve(mount.getName());
            replacements.put(mount.getMountPath(), mount(volume, mount, local, configMaps, secrets).toString());
        }
        Path bin = executable(root.resolve("bin"));
        List<String> line = new ArrayList<>();
        for (String word : concat(container.getCommand(), container.getArgs())) {
            line.add(word.equals("reactorbench") ? bin.resolve("reactorbench").toString() : replace(word, replacements));
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvVar variable : container.getEnv()) {
            env.put(variable.getName(), variable.getValue());
        }
        env.putAll(kubernetesEnv);
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        return new LocalPod(List.copyOf(line), Map.copyOf(env));
    }

    LocalProcess start(Path log) throws IOException {
        return LocalProcess.start(commandLine, environment, log);
    }

    List<String> commandLine() {
        return commandLine;
    }

    /** Longest path first, so {@code /results} does not rewrite the start of a longer mount path. */
    private static String replace(String word, Map<String, String> replacements) {
        String result = word;
        List<String> keys = replacements.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        for (String key : keys) {
            result = result.replace(key, replacements.get(key));
        }
        return result;
    }

    /** The volume's content as the kubelet lays it out: each key a file; with a subPath, that one key's file. */
    private static Path mount(Volume volume, VolumeMount mount, Path local, List<ConfigMap> configMaps,
            List<Secret> secrets) throws IOException {
        Map<String, String> files;
        if (volume.getConfigMap() != null) {
            files = configMaps.stream().filter(c -> c.getMetadata().getName().equals(volume.getConfigMap().getName()))
                    .findFirst().orElseThrow().getData();
        } else if (volume.getSecret() != null) {
            files = secrets.stream().filter(s -> s.getMetadata().getName().equals(volume.getSecret().getSecretName()))
                    .findFirst().orElseThrow().getData().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                            e -> new String(Base64.getDecoder().decode(e.getValue()), StandardCharsets.UTF_8)));
        } else {
            files = Map.of();
        }
        Files.createDirectories(local);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(local.resolve(file.getKey()), file.getValue());
        }
        return mount.getSubPath() == null ? local : local.resolve(mount.getSubPath());
    }

    /** {@code reactorbench} on PATH: a shell script that runs this build's CLI as the image's launcher would. */
    private static Path executable(Path bin) throws IOException {
        Path script = bin.resolve("reactorbench");
        if (Files.notExists(script)) {
            Files.createDirectories(bin);
            String java = LocalProcess.reactorbench(List.of()).stream().map(LocalPod::shellQuoted)
                    .collect(Collectors.joining(" "));
            Files.writeString(script, "#!/bin/sh\nexec " + java + " \"$@\"\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return bin;
    }

    private static String shellQuoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
