package io.spot.onboarding.runner.template;

import java.util.List;

/** "A.B" as Fn::GetAtt's [A, B]: the first dot separates, later dots belong to the attribute. */
public final class GetAttArgument {

    private GetAttArgument() {}

    public static TemplateValue split(final TemplateValue.Scalar scalar) {
        final String text = scalar.text();
        final int dot = text.indexOf('.');
        if (dot <= 0 || dot == text.length() - 1) {
            throw new TemplateException(scalar.location(), "Fn::GetAtt needs LogicalId.Attribute, got '" + text + "'");
        }
        return new TemplateValue.Sequence(
                List.of(
                        TemplateValue.Scalar.string(text.substring(0, dot), scalar.location()),
                        TemplateValue.Scalar.string(text.substring(dot + 1), scalar.location())),
                scalar.location());
    }
}
