package org.alliancekg.ingest;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The input is wrong: carries every problem found (in one file or across the project), each naming file, line,
 * field and rule. Unchecked; the command line prints the message and exits with status 1.
 */
public class InputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    /** An exception carrying these problems (at least one). */
    public InputException(List<Problem> problems) {
        super(format(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an InputException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** An exception carrying one problem. */
    public InputException(Problem problem) {
        this(List.of(problem));
    }

    /** An exception carrying one problem, with the low-level cause. */
    public InputException(Problem problem, Throwable cause) {
        this(List.of(problem));
        initCause(cause);
    }

    /** The problems, in the order found. */
    public List<Problem> problems() {
        return problems;
    }

    /** The same problems placed in a file/line/field prefix (see {@link Problem#at(String, int, String)}). */
    public InputException at(String file, int line, String fieldPrefix) {
        return new InputException(problems.stream().map(p -> p.at(file, line, fieldPrefix)).toList());
    }

    private static String format(List<Problem> problems) {
        if (problems.size() == 1) {
            return problems.get(0).toString();
        }
        return problems.size() + " problems:\n" + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}
