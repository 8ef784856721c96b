package io.reactorbench.scenarios.machine;

/** One line of {@code doctor}'s report: what was checked, what was found, and how it stands. */
public record MachineCheck(Level level, String subject, String finding) {

    public enum Level { OK, NOTE, WARN, FAIL }

    public static MachineCheck ok(String subject, String finding) {
        return new MachineCheck(Level.OK, subject, finding);
    }

    public static MachineCheck note(String subject, String finding) {
        return new MachineCheck(Level.NOTE, subject, finding);
    }

    public static MachineCheck warn(String subject, String finding) {
        return new MachineCheck(Level.WARN, subject, finding);
    }

    public static MachineCheck fail(String subject, String finding) {
        return new MachineCheck(Level.FAIL, subject, finding);
    }

    public String render() {
        String tag = switch (level) {
            case OK -> "ok  ";
            case NOTE -> "note";
            case WARN -> "warn";
            case FAIL -> "FAIL";
        };
        return String.format("%s  %-22s %s", tag, subject, finding);
    }
}
