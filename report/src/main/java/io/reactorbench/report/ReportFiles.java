package io.reactorbench.report;

import io.reactorbench.report.render.HtmlRenderer;
import io.reactorbench.report.render.MarkdownRenderer;
import io.reactorbench.report.render.ReportDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a report's two files (index.html, report.md) atomically: temp file, then rename. */
final class ReportFiles {

    static final String HTML = "index.html";
    static final String MARKDOWN = "report.md";

    private ReportFiles() {
    }

    static Path write(ReportDocument doc, Path outDir) {
        writeAtomically(outDir.resolve(MARKDOWN), MarkdownRenderer.render(doc, outDir));
        Path index = outDir.resolve(HTML);
        writeAtomically(index, HtmlRenderer.render(doc));
        return index;
    }

    static void createDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeAtomically(Path file, String text) {
        try {
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
