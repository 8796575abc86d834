package io.spot.onboarding.harness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CloudFormation's own answers about stacks, for handlers that ask it what a stack is doing and which
 * of its resources hold what: {@code DescribeStacks} and {@code DescribeStackResources} (by stack, or
 * by physical ID within a region), in CloudFormation's query protocol. moto cannot hold resources of
 * the Spot types, so the tests and the reliability suite state here what CloudFormation would know.
 * The AWS SDK reaches it through {@code aws.endpointUrlCloudFormation}, which only the CloudFormation
 * client reads; everything else still goes to moto_server.
 */
public final class CloudFormationStandIn {
    private static final Pattern REGION = Pattern.compile("Credential=[^/]+/[0-9]{8}/([a-z0-9-]+)/cloudformation/");
    private static CloudFormationStandIn shared;

    /** One resource as DescribeStackResources lists it. */
    public record Resource(String logicalId, String type, String physicalId, String status) {}

    private record StackRecord(String stackId, String status, List<Resource> resources) {}

    private final HttpServer server;
    private final Map<String, StackRecord> stacks = new ConcurrentHashMap<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private volatile String refusal;

    private CloudFormationStandIn(final HttpServer server) {
        this.server = server;
    }

    /** Started once per JVM; every CloudFormation client built after this call reaches it. */
    public static synchronized CloudFormationStandIn shared() {
        if (shared == null) {
            try {
                final HttpServer server =
                        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                shared = new CloudFormationStandIn(server);
                server.createContext("/", shared::handle);
                server.setExecutor(Executors.newFixedThreadPool(4, r -> {
                    final Thread thread = new Thread(r, "cloudformation-stand-in");
                    thread.setDaemon(true);
                    return thread;
                }));
                server.start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the CloudFormation stand-in", e);
            }
            System.setProperty(
                    "aws.endpointUrlCloudFormation",
                    "http://127.0.0.1:" + shared.server.getAddress().getPort());
        }
        return shared;
    }

    /** A stack in {@code status}, its region taken from its ARN. Replaces any stack with that ID. */
    public CloudFormationStandIn stack(final String stackId, final String status) {
        stacks.put(stackId, new StackRecord(stackId, status, new CopyOnWriteArrayList<>()));
        return this;
    }

    /** The stack's new status; a stack not known yet starts with it. */
    public CloudFormationStandIn status(final String stackId, final String status) {
        stacks.compute(
                stackId,
                (id, stack) ->
                        new StackRecord(id, status, stack == null ? new CopyOnWriteArrayList<>() : stack.resources()));
        return this;
    }

    /** Adds a resource to the stack, or replaces the one with its logical ID. */
    public CloudFormationStandIn resource(final String stackId, final Resource resource) {
        final List<Resource> resources = existing(stackId).resources();
        resources.removeIf(r -> r.logicalId().equals(resource.logicalId()));
        resources.add(resource);
        return this;
    }

    public CloudFormationStandIn removeResource(final String stackId, final String logicalId) {
        existing(stackId).resources().removeIf(r -> r.logicalId().equals(logicalId));
        return this;
    }

    /** The next answers are this error code (403 AccessDenied, say) until {@link #reset()}. */
    public CloudFormationStandIn refuseWith(final String code) {
        this.refusal = code;
        return this;
    }

    /** The calls answered so far, as "Action region", in order. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    public void reset() {
        stacks.clear();
        calls.clear();
        refusal = null;
    }

    private StackRecord existing(final String stackId) {
        final StackRecord stack = stacks.get(stackId);
        if (stack == null) {
            throw new IllegalArgumentException("no stack " + stackId + " in the stand-in");
        }
        return stack;
    }

    private void handle(final HttpExchange exchange) throws IOException {
        final Map<String, String> form =
                FormFields.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        final String auth = exchange.getRequestHeaders().getFirst("Authorization");
        final Matcher region = REGION.matcher(auth == null ? "" : auth);
        final String inRegion = region.find() ? region.group(1) : "";
        final String action = form.getOrDefault("Action", "");
        calls.add(action + " " + inRegion);
        if (refusal != null) {
            send(exchange, 403, error(refusal, "refused by the stand-in"));
            return;
        }
        switch (action) {
            case "DescribeStacks" -> describeStacks(exchange, form.get("StackName"));
            case "DescribeStackResources" -> describeResources(exchange, form, inRegion);
            default -> send(exchange, 400, error("InvalidAction", "the stand-in does not answer " + action));
        }
    }

    private void describeStacks(final HttpExchange exchange, final String stackName) throws IOException {
        final Optional<StackRecord> stack = find(stackName);
        if (stack.isEmpty()) {
            send(exchange, 400, error("ValidationError", "Stack with id " + stackName + " does not exist"));
            return;
        }
        final StackRecord s = stack.get();
        send(
                exchange,
                200,
                response(
                        "DescribeStacks",
                        "<Stacks><member><StackId>" + s.stackId() + "</StackId><StackName>"
                                + name(s.stackId())
                                + "</StackName><CreationTime>2026-01-01T00:00:00Z</CreationTime><StackStatus>"
                                + s.status() + "</StackStatus></member></Stacks>"));
    }

    private void describeResources(final HttpExchange exchange, final Map<String, String> form, final String region)
            throws IOException {
        final String physicalId = form.get("PhysicalResourceId");
        final Optional<StackRecord> stack = physicalId == null
                ? find(form.get("StackName"))
                : stacks.values().stream()
                        .filter(s -> region.equals(region(s.stackId())))
                        .filter(s -> s.resources().stream().anyMatch(r -> physicalId.equals(r.physicalId())))
                        // Several stacks may name it: one that still holds it, where there is one.
                        .min(Comparator.comparing(s -> s.resources().stream()
                                .noneMatch(r -> physicalId.equals(r.physicalId())
                                        && !r.status().startsWith("DELETE_"))));
        if (stack.isEmpty()) {
            send(
                    exchange,
                    400,
                    error(
                            "ValidationError",
                            physicalId == null
                                    ? "Stack with id " + form.get("StackName") + " does not exist"
                                    : "Stack for " + physicalId + " does not exist"));
            return;
        }
        final StringBuilder members = new StringBuilder("<StackResources>");
        for (final Resource r : stack.get().resources()) {
            members.append("<member><StackId>")
                    .append(stack.get().stackId())
                    .append("</StackId><StackName>")
                    .append(name(stack.get().stackId()))
                    .append("</StackName><LogicalResourceId>")
                    .append(r.logicalId())
                    .append("</LogicalResourceId>");
            if (r.physicalId() != null) {
                members.append("<PhysicalResourceId>").append(r.physicalId()).append("</PhysicalResourceId>");
            }
            members.append("<ResourceType>")
                    .append(r.type())
                    .append("</ResourceType><Timestamp>2026-01-01T00:00:00Z")
                    .append("</Timestamp><ResourceStatus>")
                    .append(r.status())
                    .append("</ResourceStatus></member>");
        }
        send(
                exchange,
                200,
                response(
                        "DescribeStackResources",
                        members.append("</StackResources>").toString()));
    }

    /** By full ID, or by name among the stacks not deleted, as CloudFormation resolves StackName. */
    private Optional<StackRecord> find(final String stackName) {
        if (stackName == null) {
            return Optional.empty();
        }
        final StackRecord byId = stacks.get(stackName);
        if (byId != null) {
            return Optional.of(byId);
        }
        return stacks.values().stream()
                .filter(s -> name(s.stackId()).equals(stackName))
                .filter(s -> !"DELETE_COMPLETE".equals(s.status()))
                .findFirst();
    }

    private static String name(final String stackId) {
        final String[] parts = stackId.split("/");
        return parts.length >= 2 ? parts[1] : stackId;
    }

    private static String region(final String stackId) {
        final String[] parts = stackId.split(":");
        return parts.length > 3 ? parts[3] : "";
    }

    private static String response(final String action, final String result) {
        return "<" + action + "Response xmlns=\"http://cloudformation.amazonaws.com/doc/2010-05-15/\"><" + action
                + "Result>" + result + "</" + action + "Result><ResponseMetadata><RequestId>" + UUID.randomUUID()
                + "</RequestId></ResponseMetadata></" + action + "Response>";
    }

    private static String error(final String code, final String message) {
        return "<ErrorResponse xmlns=\"http://cloudformation.amazonaws.com/doc/2010-05-15/\"><Error><Type>Sender</Type>"
                + "<Code>" + code + "</Code><Message>" + message + "</Message></Error><RequestId>" + UUID.randomUUID()
                + "</RequestId></ErrorResponse>";
    }

    private static void send(final HttpExchange exchange, final int status, final String xml) throws IOException {
        final byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Stack IDs as CloudFormation forms them, for tests that need more than one stack. */
    public static String stackId(final String region, final String name) {
        return stackId(region, CloudFormationRequest.AWS_ACCOUNT_ID, name);
    }

    public static String stackId(final String region, final String awsAccount, final String name) {
        return "arn:aws:cloudformation:" + region + ":" + awsAccount + ":stack/" + name + "/" + UUID.randomUUID();
    }
}
