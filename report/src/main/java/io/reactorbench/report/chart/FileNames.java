package io.reactorbench.report.chart;

/** Chart file names from scenario labels: only characters that are safe in a path and in a URL. */
public final class FileNames {

    private FileNames() {
    }

    public static String slug(String label) {
        return label.replaceAll("[^A-Za-z0-9._-]+", "-");
    }
}
