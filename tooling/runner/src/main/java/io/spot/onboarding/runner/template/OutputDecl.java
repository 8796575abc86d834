package io.spot.onboarding.runner.template;

/** An output as declared; {@code condition} is null when it is always present. */
public record OutputDecl(String name, String description, TemplateValue value, String condition, Location location) {}
