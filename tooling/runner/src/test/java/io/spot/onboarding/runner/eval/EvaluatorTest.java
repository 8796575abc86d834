package io.spot.onboarding.runner.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.spot.onboarding.runner.template.Location;
import io.spot.onboarding.runner.template.Template;
import io.spot.onboarding.runner.template.TemplateException;
import io.spot.onboarding.runner.template.TemplateParser;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
    private static final PseudoParameters PSEUDO = new PseudoParameters("210000000001", "eu-west-1");

    private static final String TEMPLATE = """
        Parameters:
          Env: {Type: String, Default: prod, AllowedValues: [prod, dev]}
          Secret: {Type: String, NoEcho: true, AllowedPattern: "^[a-z]+$"}
        Conditions:
          IsProd: !Equals [!Ref Env, prod]
          IsDev: !Not [!Condition IsProd]
          Both: !And [!Condition IsProd, !Equals [a, a]]
          Either: {Fn::Or: [{Condition: IsDev}, {Fn::Equals: [!Ref "AWS::Region", eu-west-1]}]}
        Resources:
          Res: {Type: T}
          R:
            Type: T
            Properties:
              Ref: !Ref Env
              Account: !Ref AWS::AccountId
              Region: !Ref AWS::Region
              Partition: !Ref AWS::Partition
              Gone: !Ref AWS::NoValue
              List: [a, !Ref AWS::NoValue, !If [IsDev, x, !Ref AWS::NoValue], !If [IsProd, y, z]]
              Att: !GetAtt Res.Arn
              AttLong: {Fn::GetAtt: Res.Arn}
              Sub: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/${Res}-${Res.Arn}-${!Literal}"
              SubVars: !Sub ["${Greeting}, ${Env}", {Greeting: !If [IsProd, hello, hi]}]
              Typed: {Count: 3, Flag: true, Version: 2012-10-17}
        """;

    private final Template template = TemplateParser.parse(TEMPLATE, "t.yml");

    private JsonNode properties(final Map<String, String> given) {
        final ParameterValues parameters = ParameterValues.resolve(template, given);
        final Conditions conditions = Conditions.evaluate(template, parameters, PSEUDO);
        return new Evaluator(template, parameters, PSEUDO, conditions::isTrue, new Evaluator.Resources() {
                    @Override
                    public JsonNode ref(final String logicalId, final Location at) {
                        return JsonNodeFactory.instance.textNode("physical-" + logicalId);
                    }

                    @Override
                    public JsonNode getAtt(final String logicalId, final String attribute, final Location at) {
                        return JsonNodeFactory.instance.textNode(logicalId + "." + attribute + "-value");
                    }
                })
                .properties(template.resource("R"));
    }

    @Test
    void evaluatesEveryIntrinsicTheRunnerSupports() {
        final JsonNode p = properties(Map.of("Secret", "abc"));
        assertThat(p.get("Ref").asText()).isEqualTo("prod");
        assertThat(p.get("Account").asText()).isEqualTo("210000000001");
        assertThat(p.get("Region").asText()).isEqualTo("eu-west-1");
        assertThat(p.get("Partition").asText()).isEqualTo("aws");
        assertThat(p.has("Gone")).isFalse();
        assertThat(p.get("List").toString()).isEqualTo("[\"a\",\"y\"]");
        assertThat(p.get("Att").asText()).isEqualTo("Res.Arn-value");
        assertThat(p.get("AttLong").asText()).isEqualTo("Res.Arn-value");
        assertThat(p.get("Sub").asText())
                .isEqualTo("arn:aws:iam::210000000001:role/physical-Res-Res.Arn-value-${Literal}");
        assertThat(p.get("SubVars").asText()).isEqualTo("hello, prod");
        assertThat(p.get("Typed").toString()).isEqualTo("{\"Count\":3,\"Flag\":true,\"Version\":\"2012-10-17\"}");
    }

    @Test
    void conditionsFollowTheParameters() {
        final ParameterValues prod = ParameterValues.resolve(template, Map.of("Secret", "abc"));
        final Conditions whenProd = Conditions.evaluate(template, prod, PSEUDO);
        assertThat(whenProd.all())
                .containsEntry("IsProd", true)
                .containsEntry("IsDev", false)
                .containsEntry("Both", true)
                .containsEntry("Either", true);

        final ParameterValues dev = ParameterValues.resolve(template, Map.of("Secret", "abc", "Env", "dev"));
        assertThat(Conditions.evaluate(template, dev, PSEUDO).all())
                .containsEntry("IsProd", false)
                .containsEntry("IsDev", true)
                .containsEntry("Both", false);
        assertThat(properties(Map.of("Secret", "abc", "Env", "dev")).get("List").toString())
                .isEqualTo("[\"a\",\"x\",\"z\"]");
    }

    @Test
    void aConditionCycleIsNamed() {
        final Template cyclic = TemplateParser.parse("""
            Conditions:
              A: !Condition B
              B: !Not [!Condition A]
            Resources:
              R: {Type: T}
            """, "t.yml");
        final ParameterValues none = ParameterValues.resolve(cyclic, Map.of());
        assertThatThrownBy(() -> Conditions.evaluate(cyclic, none, PSEUDO))
                .isInstanceOf(EvaluationException.class)
                .hasMessageContaining("cycle: A -> B -> A");
    }

    @Test
    void parameterValuesAreCheckedWithoutEchoingNoEchoOnes() {
        assertThatThrownBy(() ->
                        ParameterValues.resolve(template, Map.of("Secret", "NOT-LOWER", "Env", "qa", "Unknown", "x")))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("parameter Unknown does not exist")
                .hasMessageContaining("'qa' is not one of the AllowedValues [prod, dev]")
                .hasMessageContaining("the value given does not match the AllowedPattern")
                .hasMessageNotContaining("NOT-LOWER");
        assertThatThrownBy(() -> ParameterValues.resolve(template, Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("Parameters/Secret: has no Default and no value was given");
    }

    @Test
    void anUpdateKeepsThePreviousValuesItDoesNotGive() {
        final ParameterValues values =
                ParameterValues.resolve(template, Map.of("Env", "dev"), Map.of("Secret", "abc", "Env", "prod"));
        assertThat(values.raw()).containsEntry("Env", "dev").containsEntry("Secret", "abc");
        assertThat(values.display()).containsEntry("Secret", "****");
    }

    @Test
    void aRefToNothingIsAnErrorAtItsLine() {
        final Template broken = TemplateParser.parse("""
            Resources:
              R:
                Type: T
                Properties:
                  A: !Ref Nothing
            """, "t.yml");
        final ParameterValues none = ParameterValues.resolve(broken, Map.of());
        final Evaluator evaluator = new Evaluator(broken, none, PSEUDO, name -> true, Evaluator.Resources.NONE);
        assertThatThrownBy(() -> evaluator.properties(broken.resource("R")))
                .isInstanceOf(EvaluationException.class)
                .hasMessageContaining("t.yml:5:")
                .hasMessageContaining("Ref to Nothing");
    }
}
