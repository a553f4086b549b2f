package org.assure.banks;

import java.util.List;
import java.util.stream.Collectors;

/** The banks cannot be loaded; nothing was loaded. The message lists every problem, one a line. */
public class BankException extends RuntimeException {
    private final List<BankProblem> problems;

    public BankException(List<BankProblem> problems) {
        super("The question banks cannot be loaded:\n" + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<BankProblem> problems() {
        return problems;
    }
}
