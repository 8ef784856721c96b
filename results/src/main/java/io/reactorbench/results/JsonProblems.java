package io.reactorbench.results;

import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;

/**
 * Says what is wrong with a results file in its own terms: the line and column of a syntax error, the field of a
 * mapping error ({@code cells[0].status}), and Jackson's sentence without Java class names and token kinds, which
 * mean nothing to someone who edited a JSON file.
 */
final class JsonProblems {

    private static final Pattern OUR_CLASS = Pattern.compile("`?io\\.reactorbench\\.[\\w.$]*?\\.?([A-Z]\\w*)`?");
    private static final Pattern JDK_CLASS = Pattern.compile("`?java\\.(?:lang|util)\\.(\\w+)`?");
    private static final Pattern TOKEN_KIND = Pattern.compile("\\s*\\(token `JsonToken\\.\\w+`\\)");

    private JsonProblems() {
    }

    static String describe(JacksonException e) {
        StringBuilder where = new StringBuilder();
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            where.append("line ").append(e.getLocation().getLineNr()).append(", column ")
                    .append(e.getLocation().getColumnNr()).append(": ");
        }
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        if (!path.isEmpty()) {
            where.append("field '").append(path).append("': ");
        }
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        message = TOKEN_KIND.matcher(message).replaceAll("");
        message = OUR_CLASS.matcher(message).replaceAll("$1");
        message = JDK_CLASS.matcher(message).replaceAll("$1");
        return where + message.lines().findFirst().orElse("").strip();
    }
}
