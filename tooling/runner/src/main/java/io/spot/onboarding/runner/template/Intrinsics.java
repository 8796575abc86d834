package io.spot.onboarding.runner.template;

import java.util.Map;
import java.util.Set;

/** The intrinsic function names and their short-form YAML tags. */
public final class Intrinsics {
    public static final String REF = "Ref";
    public static final String CONDITION = "Condition";
    public static final String GET_ATT = "Fn::GetAtt";
    public static final String SUB = "Fn::Sub";
    public static final String IF = "Fn::If";
    public static final String EQUALS = "Fn::Equals";
    public static final String NOT = "Fn::Not";
    public static final String AND = "Fn::And";
    public static final String OR = "Fn::Or";

    /**
     * Every short form CloudFormation knows, including the ones the runner cannot evaluate
     * (Join, ImportValue, ...): those parse, and the template check names them as unsupported with
     * their line.
     */
    public static final Map<String, String> TAGS = Map.ofEntries(
            Map.entry("!Ref", REF),
            Map.entry("!Condition", CONDITION),
            Map.entry("!GetAtt", GET_ATT),
            Map.entry("!Sub", SUB),
            Map.entry("!If", IF),
            Map.entry("!Equals", EQUALS),
            Map.entry("!Not", NOT),
            Map.entry("!And", AND),
            Map.entry("!Or", OR),
            Map.entry("!Join", "Fn::Join"),
            Map.entry("!Select", "Fn::Select"),
            Map.entry("!Split", "Fn::Split"),
            Map.entry("!FindInMap", "Fn::FindInMap"),
            Map.entry("!Base64", "Fn::Base64"),
            Map.entry("!GetAZs", "Fn::GetAZs"),
            Map.entry("!ImportValue", "Fn::ImportValue"),
            Map.entry("!Cidr", "Fn::Cidr"),
            Map.entry("!Transform", "Fn::Transform"),
            Map.entry("!ToJsonString", "Fn::ToJsonString"),
            Map.entry("!Length", "Fn::Length"));

    /**
     * What the runner evaluates: what the templates it runs use (template.yml, central-token.yml).
     * The template check refuses the others before anything runs.
     */
    public static final Set<String> SUPPORTED = Set.of(REF, CONDITION, GET_ATT, SUB, IF, EQUALS, NOT, AND, OR);

    private Intrinsics() {}

    /** "Condition" is a function only inside Conditions and Fn::If arguments; elsewhere a resource attribute. */
    public static boolean isFunctionKey(final String key) {
        return REF.equals(key) || CONDITION.equals(key) || key.startsWith("Fn::");
    }
}
