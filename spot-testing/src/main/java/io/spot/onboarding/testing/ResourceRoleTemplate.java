package io.spot.onboarding.testing;

import java.util.Set;
import java.util.TreeSet;
import org.json.JSONObject;

/**
 * Renders the {@code resource-role.yaml} that {@code cfn generate} writes from a schema's handler
 * permissions: the execution role CloudFormation assumes to run the handlers.
 */
public final class ResourceRoleTemplate {

    private ResourceRoleTemplate() {
    }

    public static Set<String> permissions(final JSONObject schema) {
        final Set<String> actions = new TreeSet<>();
        final JSONObject handlers = schema.getJSONObject("handlers");
        for (final String handler : handlers.keySet()) {
            handlers.getJSONObject(handler).getJSONArray("permissions").forEach(a -> actions.add(a.toString()));
        }
        return actions;
    }

    public static String render(final JSONObject schema) {
        final String typeName = schema.getString("typeName");
        final StringBuilder yaml = new StringBuilder()
            .append("AWSTemplateFormatVersion: \"2010-09-09\"\n")
            .append("Description: >\n")
            .append("  This CloudFormation template creates a role assumed by CloudFormation\n")
            .append("  during CRUDL operations to mutate resources on behalf of the customer.\n\n")
            .append("Resources:\n")
            .append("  ExecutionRole:\n")
            .append("    Type: AWS::IAM::Role\n")
            .append("    Properties:\n")
            .append("      MaxSessionDuration: 8400\n")
            .append("      AssumeRolePolicyDocument:\n")
            .append("        Version: '2012-10-17'\n")
            .append("        Statement:\n")
            .append("          - Effect: Allow\n")
            .append("            Principal:\n")
            .append("              Service: resources.cloudformation.amazonaws.com\n")
            .append("            Action: sts:AssumeRole\n")
            .append("            Condition:\n")
            .append("              StringEquals:\n")
            .append("                aws:SourceAccount:\n")
            .append("                  Ref: AWS::AccountId\n")
            .append("              StringLike:\n")
            .append("                aws:SourceArn:\n")
            .append("                  Fn::Sub: arn:${AWS::Partition}:cloudformation:${AWS::Region}:${AWS::AccountId}:type/resource/")
            .append(typeName.replace("::", "-")).append("/*\n")
            .append("      Path: \"/\"\n")
            .append("      Policies:\n")
            .append("        - PolicyName: ResourceTypePolicy\n")
            .append("          PolicyDocument:\n")
            .append("            Version: '2012-10-17'\n")
            .append("            Statement:\n")
            .append("              - Effect: Allow\n")
            .append("                Action:\n");
        for (final String action : permissions(schema)) {
            yaml.append("                - \"").append(action).append("\"\n");
        }
        return yaml.append("                Resource: \"*\"\n")
            .append("Outputs:\n")
            .append("  ExecutionRoleArn:\n")
            .append("    Value:\n")
            .append("      Fn::GetAtt: ExecutionRole.Arn\n")
            .toString();
    }
}
