package io.spot.onboarding.runner.stack;

import java.util.List;

/** Where stack operations report: the console for one stack, a tally for a StackSet. */
public interface EventSink {

    void event(StackEvent event);

    /** What a handler logged (shown with --verbose). */
    default void handlerLog(final StackEvent context, final List<String> lines) {}

    /** A drift detection result of one resource. */
    void drift(Stack stack, DriftResult result);

    /** A stack's outputs after a successful create or update. */
    void outputs(Stack stack);
}
