package io.reactorbench.results.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class YamlReaderTest {

    @Test
    void shouldKeepTheLineOfEveryNodeAndOfEveryKey() {
        YamlNode.Mapping root = (YamlNode.Mapping) YamlReader.read("""
                name: tiny
                rules:
                  - a
                  - b
                """).orElseThrow();
        assertThat(root.keyLines()).containsExactly(java.util.Map.entry("name", 1), java.util.Map.entry("rules", 2));
        YamlNode.Sequence rules = (YamlNode.Sequence) root.entries().get("rules");
        assertThat(rules.items()).extracting(YamlNode::line).containsExactly(3, 4);
    }

    @Test
    void shouldKeepEachScalarAsTypedAndAsWritten() {
        YamlNode.Sequence items = (YamlNode.Sequence) YamlReader.read("[0.10, 7, true, 5%, null]").orElseThrow();
        assertThat(items.items()).extracting(node -> ((YamlNode.Scalar) node).value())
                .containsExactly(0.1, 7L, true, "5%", null);
        assertThat(items.items()).extracting(node -> ((YamlNode.Scalar) node).text())
                .containsExactly("0.10", "7", "true", "5%", "");
        assertThat(items.items()).extracting(YamlNode::kind)
                .containsExactly("the number 0.1", "the number 7", "'true' (true/false)", "text '5%'", "nothing (null)");
    }

    @Test
    void shouldReadAnEmptyDocumentAsNothing() {
        assertThat(YamlReader.read("")).isEmpty();
        assertThat(YamlReader.read("# only a comment\n")).isEmpty();
    }

    @Test
    void shouldReportATabAtTheLineThatHoldsIt() {
        // Jackson's own location is the end of the previous token, one line early; SnakeYAML's mark is the tab's.
        String yaml = "rules:\n  - name: x\n\tbudget: errors == 0\n";
        assertThatThrownBy(() -> YamlReader.read(yaml))
                .isInstanceOfSatisfying(YamlSyntaxError.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessageStartingWith("not valid YAML: ")
                .hasMessageContaining("found character '\\t(TAB)' that cannot start any token");
    }

    @Test
    void shouldRefuseAKeyTwiceInOneMappingAtTheSecondKey() {
        assertThatThrownBy(() -> YamlReader.read("a: 1\nb: 2\na: 3\n"))
                .isInstanceOfSatisfying(YamlSyntaxError.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessage("key 'a' appears twice in the same mapping");
    }

    @Test
    void shouldGiveAMappingBuiltInCodeTheLinesOfItsValues() {
        YamlNode.Mapping built = new YamlNode.Mapping(1, java.util.Map.of("trials", new YamlNode.Scalar(-1, 3L)));
        assertThat(built.keyLines()).containsEntry("trials", -1);
        assertThat(((YamlNode.Scalar) built.entries().get("trials")).text()).isEqualTo("3");
        assertThat(new YamlNode.Sequence(2, List.of()).kind()).isEqualTo("a list");
    }
}
