package io.spot.onboarding.runner.template;

import java.util.List;
import java.util.stream.Collectors;

/** One or more problems in a template, each with where it is; the message lists them all. */
public final class TemplateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<TemplateProblem> problems;

    public TemplateException(final List<TemplateProblem> problems) {
        super(problems.stream().map(TemplateProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public TemplateException(final Location location, final String message) {
        this(List.of(new TemplateProblem(location, null, message)));
    }

    public List<TemplateProblem> problems() {
        return problems;
    }
}
