package io.reactorbench.k8s;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestSpecTest {

    private static ManifestSpec spec(String name, int agents, String cpu, String memory) {
        return new ManifestSpec(name, null, "reactorbench:0.1.0", agents, List.of("--target", "svc:1"), "t", cpu, memory,
                OpenFileLimit.DEFAULT, null, 0, "300s");
    }

    @Test
    void shouldRefuseWhatKubernetesWouldRefuseWithTheOptionNamed() {
        assertThatThrownBy(() -> spec("bench", 0, "2", "2Gi")).hasMessage("--agents must be between 1 and 100000, not 0");
        assertThatThrownBy(() -> spec("Bench", 1, "2", "2Gi")).hasMessageStartingWith("bad --name 'Bench'");
        assertThatThrownBy(() -> spec("a".repeat(52), 1, "2", "2Gi")).hasMessageContaining("at most 51 characters");
        assertThatThrownBy(() -> spec("bench", 1, "two", "2Gi")).hasMessageStartingWith("bad --cpu 'two'");
        assertThatThrownBy(() -> spec("bench", 1, "2", "0")).hasMessageStartingWith("bad --memory '0'");
    }
}
