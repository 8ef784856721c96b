package io.reactorbench.report.model;

/** One entry of run.json's cell index: whether the cell's trial ran, and why not when it did not. */
public record CellStatus(CellKey cell, int trial, boolean ok, String reason, String dir) {
}
