package io.reactorbench.results;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The state of one cell (scenario × design × trial). A failed cell carries a reason and no trusted numbers. */
public enum CellStatus {
    OK,
    FAILED;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static CellStatus parse(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
