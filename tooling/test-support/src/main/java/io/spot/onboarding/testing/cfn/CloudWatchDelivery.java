package io.spot.onboarding.testing.cfn;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.harness.CloudFormationRequest;
import io.spot.onboarding.harness.MotoServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

/**
 * What a type registered with a logging configuration delivers: CloudFormation then passes provider
 * credentials and a log group on every invocation, and the plugin sends the handlers' log lines to
 * that group and its metrics to CloudWatch, here moto_server. Drives the packaged jar through
 * {@link LambdaEndpoint}, so what shade kept or left out of the jar is what runs.
 */
public final class CloudWatchDelivery {
    /** What registry.yml names the types' log group. */
    public static final String LOG_GROUP = "/cloudformation/registry/spot-onboarding-delivery-test";

    private final MotoServer moto;

    public CloudWatchDelivery(final MotoServer moto) {
        this.moto = moto;
    }

    /** One invocation of {@code request}, with the provider credentials and log group a logging configuration adds. */
    public String invoke(final LambdaEndpoint lambda, final CloudFormationRequest request)
            throws IOException, InterruptedException {
        try (CloudWatchLogsClient logs = logs()) {
            logs.createLogGroup(b -> b.logGroupName(LOG_GROUP));
        }
        final ObjectNode json = request.json();
        final ObjectNode data = (ObjectNode) json.get("requestData");
        data.set("providerCredentials", data.get("callerCredentials").deepCopy());
        data.put("providerLogGroupName", LOG_GROUP);
        final HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(lambda.url() + "/2015-03-31/functions/TypeFunction/invocations"))
                                .POST(HttpRequest.BodyPublishers.ofString(json.toString()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

    /** Every log line the handlers delivered to the group, from every stream. */
    public List<String> logLines() {
        try (CloudWatchLogsClient logs = logs()) {
            return logs.describeLogStreams(b -> b.logGroupName(LOG_GROUP)).logStreams().stream()
                    .flatMap(stream -> logs
                            .getLogEvents(b -> b.logGroupName(LOG_GROUP).logStreamName(stream.logStreamName()))
                            .events()
                            .stream())
                    .map(OutputLogEvent::message)
                    .toList();
        }
    }

    /** The metric names the plugin published for the type, in its namespace. */
    public List<String> metricNames(final String typeName) {
        try (CloudWatchClient cloudWatch = CloudWatchClient.builder()
                .endpointOverride(URI.create(moto.endpoint()))
                .region(Region.of(CloudFormationRequest.REGION))
                .credentialsProvider(credentials())
                .build()) {
            return cloudWatch
                    .listMetrics(b -> b.namespace("AWS/CloudFormation/" + typeName.replace("::", "/")))
                    .metrics()
                    .stream()
                    .map(Metric::metricName)
                    .distinct()
                    .toList();
        }
    }

    private CloudWatchLogsClient logs() {
        return CloudWatchLogsClient.builder()
                .endpointOverride(URI.create(moto.endpoint()))
                .region(Region.of(CloudFormationRequest.REGION))
                .credentialsProvider(credentials())
                .build();
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    }
}
