package io.reactorbench.cli;

/** One line of {@code doctor}'s report: what was checked, what was found, and how it stands. */
record DoctorCheck(Level level, String subject, String finding) {

    enum Level { OK, NOTE, WARN, FAIL }

    static DoctorCheck ok(String subject, String finding) {
        return new DoctorCheck(Level.OK, subject, finding);
    }

    static DoctorCheck note(String subject, String finding) {
        return new DoctorCheck(Level.NOTE, subject, finding);
    }

    static DoctorCheck warn(String subject, String finding) {
        return new DoctorCheck(Level.WARN, subject, finding);
    }

    static DoctorCheck fail(String subject, String finding) {
        return new DoctorCheck(Level.FAIL, subject, finding);
    }

    String render() {
        String tag = switch (level) {
            case OK -> "ok  ";
            case NOTE -> "note";
            case WARN -> "warn";
            case FAIL -> "FAIL";
        };
        return String.format("%s  %-22s %s", tag, subject, finding);
    }
}
