package io.reactorbench.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Panels on their own scales, drawn into one image; guarded by a timeout since custom tick labels once hung. */
@Timeout(60)
class SmallMultiplesTest {

    @TempDir
    Path dir;

    @Test
    void shouldDrawOnePanelPerScenarioIntoOneImageOfTheGridSize() throws IOException {
        List<DesignBar> http = List.of(new DesignBar("engine-nio", Color.BLUE, 1_300_000, 50_000),
                new DesignBar("netty-epoll", Color.BLACK, 1_100_000, 0));
        List<DesignBar> rpc = List.of(new DesignBar("engine-nio", Color.BLUE, 30_000, 1_000),
                new DesignBar("netty-epoll", Color.BLACK, Double.NaN, 0));
        List<DesignBar> gcFree = List.of(new DesignBar("engine-nio", Color.BLUE, 0, 0));
        int widthPx = SmallMultiples.panelWidthPx(3);
        SmallMultiples grid = new SmallMultiples("Throughput per design", List.of(
                BarChart.perDesign("http", "throughput (req/s)", http, widthPx),
                BarChart.perDesign("rpc", "throughput (req/s)", rpc, widthPx),
                BarChart.perDesign("idle-gc", "pauses (count)", gcFree, widthPx)));

        ChartFile file = new ChartWriter(dir).write(grid, "throughput", "Throughput", "caption");

        BufferedImage image = ImageIO.read(file.png().toFile());
        assertThat(image.getWidth()).isEqualTo(ChartSize.WIDTH_PX).isEqualTo(file.widthPx());
        assertThat(image.getHeight()).isEqualTo(SmallMultiples.TITLE_BAND_PX + 2 * SmallMultiples.PANEL_HEIGHT_PX)
                .isEqualTo(file.heightPx());
        assertThat(file.title()).isEqualTo("Throughput per design");
    }

    @Test
    void shouldLeaveOutAPanelWhereNoDesignHasAValue() {
        assertThat(BarChart.perDesign("rpc", "throughput (req/s)",
                List.of(new DesignBar("engine-nio", Color.BLUE, Double.NaN, 0)), 480)).isNull();
    }
}
