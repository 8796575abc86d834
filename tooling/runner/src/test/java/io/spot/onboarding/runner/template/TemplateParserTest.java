package io.spot.onboarding.runner.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spot.onboarding.runner.template.TemplateValue.Mapping;
import io.spot.onboarding.runner.template.TemplateValue.Scalar;
import io.spot.onboarding.runner.template.TemplateValue.Sequence;
import org.junit.jupiter.api.Test;

class TemplateParserTest {

    private static Template parse(final String resources) {
        return TemplateParser.parse("Resources:\n" + resources, "t.yml");
    }

    private static TemplateValue property(final Template template, final String name) {
        return template.resource("R").properties().get(name);
    }

    /** Every short form reads as its long form, so one evaluator serves both. */
    @Test
    void shortFormsReadAsTheirLongForms() {
        final Template shortForm = parse("""
              R:
                Type: T
                Properties:
                  A: !Ref P
                  B: !GetAtt X.Arn
                  C: !Sub "${AWS::Region}-x"
                  D: !Sub ["${V}", {V: !Ref P}]
                  E: !If [Cond, !Ref P, !Ref AWS::NoValue]
                  F: !Join [",", [a, !Ref P]]
                  G: !Equals [!Ref P, "x"]
                  H: !Not [!Condition C1]
                  I: !And [!Condition C1, !Condition C2]
                  J: !Or [!Condition C1, !Condition C2]
                  K: !Select [0, !Split [",", "a,b"]]
                  L: !FindInMap [M, top, second]
                  N: !Base64 text
                  O: !GetAZs ""
            """);
        final Template longForm = parse("""
              R:
                Type: T
                Properties:
                  A: {Ref: P}
                  B: {Fn::GetAtt: [X, Arn]}
                  C: {Fn::Sub: "${AWS::Region}-x"}
                  D: {Fn::Sub: ["${V}", {V: {Ref: P}}]}
                  E: {Fn::If: [Cond, {Ref: P}, {Ref: AWS::NoValue}]}
                  F: {Fn::Join: [",", [a, {Ref: P}]]}
                  G: {Fn::Equals: [{Ref: P}, "x"]}
                  H: {Fn::Not: [{Condition: C1}]}
                  I: {Fn::And: [{Condition: C1}, {Condition: C2}]}
                  J: {Fn::Or: [{Condition: C1}, {Condition: C2}]}
                  K: {Fn::Select: [0, {Fn::Split: [",", "a,b"]}]}
                  L: {Fn::FindInMap: [M, top, second]}
                  N: {Fn::Base64: text}
                  O: {Fn::GetAZs: ""}
            """);
        for (final String name : longForm.resource("R").properties().entries().keySet()) {
            assertThat(shape(property(shortForm, name))).as(name).isEqualTo(shape(property(longForm, name)));
        }
    }

    @Test
    void getAttSplitsAtTheFirstDotOnly() {
        final Mapping getAtt =
                (Mapping) property(parse("  R: {Type: T, Properties: {A: !GetAtt Res.Nested.Attr}}\n"), "A");
        final Sequence pair = (Sequence) getAtt.get("Fn::GetAtt");
        assertThat(((Scalar) pair.items().get(0)).text()).isEqualTo("Res");
        assertThat(((Scalar) pair.items().get(1)).text()).isEqualTo("Nested.Attr");
    }

    @Test
    void valuesKeepTheirLines() {
        final Template template = parse("""
              R:
                Type: T
                Properties:
                  Name: !Ref P
            """);
        final Mapping properties = template.resource("R").properties();
        assertThat(properties.keyLocation("Name").line()).isEqualTo(5);
        assertThat(properties.get("Name").location().line()).isEqualTo(5);
        assertThat(template.resource("R").location().line()).isEqualTo(3);
    }

    /** CloudFormation reads Version: 2012-10-17 as text, and only true/false and numbers are typed. */
    @Test
    void scalarsKeepTheirText() {
        final Template template = parse("  R: {Type: T, Properties: {V: 2012-10-17, B: true, Y: yes, N: 42}}\n");
        assertThat(((Scalar) property(template, "V")).text()).isEqualTo("2012-10-17");
        assertThat(((Scalar) property(template, "V")).kind()).isEqualTo(Scalar.Kind.STRING);
        assertThat(((Scalar) property(template, "B")).kind()).isEqualTo(Scalar.Kind.BOOLEAN);
        assertThat(((Scalar) property(template, "Y")).text()).isEqualTo("yes");
        assertThat(((Scalar) property(template, "N")).kind()).isEqualTo(Scalar.Kind.INTEGER);
    }

    @Test
    void readsSectionsDependsOnAndConditions() {
        final Template template = TemplateParser.parse("""
            Parameters:
              P: {Type: String, Default: a, AllowedValues: [a, b], NoEcho: true}
            Conditions:
              C: !Equals [!Ref P, a]
            Resources:
              A: {Type: T}
              B: {Type: T, DependsOn: A, Condition: C}
              D: {Type: T, DependsOn: [A, B]}
            Outputs:
              O: {Value: !Ref A, Condition: C}
            """, "t.yml");
        assertThat(template.parameters().get("P").allowedValues()).containsExactly("a", "b");
        assertThat(template.parameters().get("P").noEcho()).isTrue();
        assertThat(template.resource("B").dependsOn()).containsExactly("A");
        assertThat(template.resource("B").condition()).isEqualTo("C");
        assertThat(template.resource("D").dependsOn()).containsExactly("A", "B");
        assertThat(template.outputs().get("O").condition()).isEqualTo("C");
    }

    @Test
    void aDuplicateKeyIsRefusedWithItsLine() {
        assertThatThrownBy(() -> parse("""
              R:
                Type: T
                Type: U
            """))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("t.yml:4:")
                .hasMessageContaining("duplicate key 'Type' (first at line 3)");
    }

    @Test
    void anUnknownTagIsRefusedWithItsLine() {
        assertThatThrownBy(() -> parse("  R: {Type: T, Properties: {A: !GetAttr X.Y}}\n"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("t.yml:2:")
                .hasMessageContaining("unknown tag !GetAttr");
    }

    /** What cfn-lint checks (sections, attribute names) is left to it; what the model cannot hold is refused. */
    @Test
    void mistakesTheModelCannotHoldAreAllReportedWithTheirPaths() {
        assertThatThrownBy(() -> TemplateParser.parse("""
            Resources:
              R: {Type: T, Properties: [a]}
              S: {Properties: {}}
            Transform: AWS::Serverless-2016-10-31
            """, "t.yml"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("t.yml:2:28: Resources/R/Properties: must be a mapping")
                .hasMessageContaining("Resources/S: Type is required")
                .hasMessageContaining("Transform: macros and transforms run inside CloudFormation");
    }

    @Test
    void badYamlNamesItsLine() {
        assertThatThrownBy(() -> TemplateParser.parse("Resources:\n  R: [unclosed\n", "t.yml"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("t.yml:")
                .hasMessageContaining("YAML");
    }

    /** The shape of a value without locations: what "the same template" means. */
    private static Object shape(final TemplateValue value) {
        if (value instanceof Scalar scalar) {
            return scalar.text();
        }
        if (value instanceof Sequence sequence) {
            return sequence.items().stream().map(TemplateParserTest::shape).toList();
        }
        final java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
        ((Mapping) value).entries().forEach((key, item) -> map.put(key, shape(item)));
        return map;
    }
}
