package io.spot.onboarding.testing.cfn;

import static org.assertj.core.api.Assertions.assertThat;

import io.spot.onboarding.emulator.SpotEmulator;
import io.spot.onboarding.harness.CloudFormationRequest;
import io.spot.onboarding.harness.MotoServer;
import io.spot.onboarding.harness.SecretScanner;
import io.spot.onboarding.testing.TypeProjectFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;

/**
 * Runs {@code cfn test}, the registry's contract tests, in a type folder, against the type's
 * packaged handler jar, as a type's author would before publishing it. What {@code cfn test} needs
 * from outside is provided here:
 * <ul>
 *   <li>a Lambda endpoint: {@link LambdaEndpoint}, in place of {@code sam local start-lambda};</li>
 *   <li>STS, for the credentials it passes the handlers: {@code moto_server}, through
 *   {@code CFN_STS_ENDPOINT}; every other AWS call, the handlers' included, goes to moto too;</li>
 *   <li>Spot: the emulator, named by the type configuration ({@code --typeconfig});</li>
 *   <li>for the types that need an existing Spot account, the CloudFormation export
 *   {@value TypeProjectFiles#ACCOUNT_ID_EXPORT} their inputs name, holding one the emulator has, linked
 *   to a role (unless linking is what the type does) as the onboarding stack would have by then.</li>
 * </ul>
 * Some contract tests assume what Spot's API cannot do. Each type lists them, with the reason, under
 * "{@value #SECTION}" in its README.md, and in the row's last column, in backquotes, what the failure
 * must say (an assertion's words, an error code). Exactly those must fail, each for that reason: a new
 * failure, an expected failure that starts passing, and one that fails for another reason (a Delete
 * that starts crashing, say) all fail this test.
 */
public abstract class CfnContractTest {
    public static final String SECTION = "## Contract tests Spot's API makes fail";
    private static final String TOKEN = "cfnContractTestSpotToken0123456789";
    private static final Pattern EXPECTED_ROW =
            Pattern.compile("^\\| `(contract_[a-z_]+)` \\|.*\\| ((?:`[^`]+`(?:, )?)+) \\|\\s*$", Pattern.MULTILINE);
    private static final Pattern FRAGMENT = Pattern.compile("`([^`]+)`");
    private static final Pattern ANY_ROW = Pattern.compile("^\\| `(contract_[a-z_]+)` \\|", Pattern.MULTILINE);
    private static final long CFN_TEST_TIMEOUT_MINUTES = 20;

    private final Path folder = Path.of("").toAbsolutePath();
    private final Path work = folder.resolve("target/cfn-test");

    @Test
    void cfnTestFailsExactlyTheContractTestsTheTypeSaysSpotMakesFail() throws Exception {
        Files.createDirectories(work.resolve("tmp"));
        final Path handlerLog = work.resolve("handler.log");
        final Path cfnLog = work.resolve("cfn-test.log");
        final Path report = work.resolve("contract-tests.xml");
        Files.deleteIfExists(report);
        final MotoServer moto = MotoServer.shared();
        moto.reset();
        final Path jar = handlerJar();
        try (PrintWriter log = new PrintWriter(Files.newBufferedWriter(handlerLog, StandardCharsets.UTF_8), true);
                SpotEmulator spot = SpotEmulator.builder().token(TOKEN).build().start();
                LambdaEndpoint lambda = LambdaEndpoint.start(folder, jar, 0, log::println)) {
            exportAccountIfTheInputsNeedOne(spot, moto);
            final Path typeConfiguration = work.resolve("typeConfiguration.json");
            Files.writeString(
                    typeConfiguration,
                    "{\"SpotCredentials\":{\"ApiToken\":\"" + TOKEN + "\",\"ApiUrl\":\"" + spot.baseUrl() + "\"}}");
            runCfnTest(lambda, moto, typeConfiguration, report, cfnLog);
        }
        final Map<String, String> reasons = new TreeMap<>();
        final Map<String, String> outcomes = outcomes(report, cfnLog, reasons);
        final Set<String> failed = new TreeSet<>(outcomes.entrySet().stream()
                .filter(e -> e.getValue().equals("failed"))
                .map(Map.Entry::getKey)
                .toList());
        assertThat(outcomes.values().stream().filter("passed"::equals).count())
                .as("contract tests that ran and passed (all: %s)", outcomes)
                .isGreaterThanOrEqualTo(3);
        assertThat(failed)
                .as(
                        "the contract tests that failed (cfn's output: %s; the handlers' log: %s), against those "
                                + "%s lists under \"%s\"",
                        cfnLog, handlerLog, folder.resolve("README.md"), SECTION)
                .isEqualTo(expectedFailures().keySet());
        expectedFailures()
                .forEach((test, reason) -> assertThat(reasons.get(test))
                        .as(
                                "why %s failed (cfn's output: %s), against the reason %s gives",
                                test, cfnLog, folder.resolve("README.md"))
                        .contains(reason.toArray(String[]::new)));
        final SecretScanner scanner = new SecretScanner(TOKEN);
        scanner.scan(Files.readString(cfnLog), "cfn test's output");
        scanner.scan(Files.readString(handlerLog), "the handlers' log");
    }

    /**
     * Registered with a logging configuration, the type's packaged jar still delivers its log lines and the
     * plugin's metrics to CloudWatch: what shade minimized away must not be what that path loads.
     */
    @Test
    void theShadedJarDeliversLogsAndMetricsWhenCloudFormationPassesProviderCredentials() throws Exception {
        Files.createDirectories(work.resolve("tmp"));
        final MotoServer moto = MotoServer.shared();
        moto.reset();
        final String typeName = typeName();
        final Path jar = handlerJar();
        final CloudWatchDelivery delivery = new CloudWatchDelivery(moto);
        final String response;
        try (SpotEmulator spot = SpotEmulator.builder().token(TOKEN).build().start();
                LambdaEndpoint lambda = LambdaEndpoint.start(folder, jar, 0, line -> {})) {
            final com.fasterxml.jackson.databind.node.ObjectNode configuration =
                    CloudFormationRequest.MAPPER.createObjectNode();
            configuration.putObject("SpotCredentials").put("ApiToken", TOKEN).put("ApiUrl", spot.baseUrl());
            response = delivery.invoke(
                    lambda,
                    CloudFormationRequest.of(typeName, "READ")
                            .awsAccountId(CloudFormationRequest.AWS_ACCOUNT_ID)
                            .typeConfiguration(configuration)
                            .properties(CloudFormationRequest.props("{\"AccountId\":\"act-00000000\"}")));
        }
        assertThat(response).as("the Read's response").contains("\"status\":\"FAILED\"", "NotFound");
        assertThat(delivery.logLines())
                .as("log lines in %s", CloudWatchDelivery.LOG_GROUP)
                .anySatisfy(line -> assertThat(line).contains("READ"));
        assertThat(delivery.metricNames(typeName))
                .as("metrics of %s", typeName)
                .contains("HandlerInvocationCount", "HandlerInvocationDuration");
        new SecretScanner(TOKEN).scan(String.join("\n", delivery.logLines()), "the delivered log lines");
    }

    /** The package the deploy script uploads is the one cfn submit --dry-run made, holding the shaded jar. */
    @Test
    void theRegistrationZipIsCfnsWithTheShadedHandlerJar() throws IOException {
        final Path jar = handlerJar();
        final String typeName = typeName();
        final Path zip = folder.resolve("target").resolve(TypeProjectFiles.hyphenated(typeName) + ".zip");
        try (ZipFile registration = new ZipFile(zip.toFile())) {
            assertThat(registration.stream().map(ZipEntry::getName).toList())
                    .as("entries of %s", zip)
                    .contains(
                            "schema.json",
                            ".rpdk-config",
                            "configuration-schema.json",
                            ".cfn_metadata.json",
                            "pom.xml",
                            "target/" + jar.getFileName());
            assertThat(registration.getEntry("target/" + jar.getFileName()).getSize())
                    .isEqualTo(Files.size(jar));
            assertThat(new String(
                            registration
                                    .getInputStream(registration.getEntry(".cfn_metadata.json"))
                                    .readAllBytes(),
                            StandardCharsets.UTF_8))
                    .contains("\"plugin-name\": \"java\"");
        }
    }

    /** The jar cfn packages, or the one the {@code handler.jar} property names. */
    private Path handlerJar() throws IOException {
        return Path.of(System.getProperty(
                "handler.jar", LambdaEndpoint.handlerJar(folder).toString()));
    }

    private String typeName() throws IOException {
        return new org.json.JSONObject(Files.readString(folder.resolve(".rpdk-config"))).getString("typeName");
    }

    /**
     * The contract tests the type's README lists as failing because of Spot's API, each with what its
     * failure must say. A row without that is refused: a failure matched by name alone hides a new one.
     */
    private Map<String, List<String>> expectedFailures() throws IOException {
        final String readme = Files.readString(folder.resolve("README.md"));
        final int start = readme.indexOf(SECTION);
        assertThat(start)
                .as("%s has a section \"%s\"", folder.resolve("README.md"), SECTION)
                .isNotNegative();
        final int next = readme.indexOf("\n## ", start + SECTION.length());
        final String section = readme.substring(start, next < 0 ? readme.length() : next);
        final Map<String, List<String>> expected = new TreeMap<>();
        final Matcher row = EXPECTED_ROW.matcher(section);
        while (row.find()) {
            final List<String> fragments = new ArrayList<>();
            final Matcher fragment = FRAGMENT.matcher(row.group(2));
            while (fragment.find()) {
                fragments.add(fragment.group(1));
            }
            expected.put(row.group(1), fragments);
        }
        final Matcher any = ANY_ROW.matcher(section);
        while (any.find()) {
            assertThat(expected)
                    .as(
                            "%s names, in its row's last column, what %s's failure says",
                            folder.resolve("README.md"), any.group(1))
                    .containsKey(any.group(1));
        }
        return expected;
    }

    private void exportAccountIfTheInputsNeedOne(final SpotEmulator spot, final MotoServer moto) throws IOException {
        final String create = Files.readString(folder.resolve("inputs/inputs_1_create.json"));
        if (!create.contains("{{" + TypeProjectFiles.ACCOUNT_ID_EXPORT + "}}")) {
            return;
        }
        final String accountId = spot.state().createAccount("cfn-contract-test").accountId();
        mintExternalId(spot, accountId);
        if (!create.contains("\"RoleArn\"")) {
            // Linked already, unless linking is what the type under test does.
            spot.state()
                    .link(
                            accountId,
                            "arn:aws:iam::" + CloudFormationRequest.AWS_ACCOUNT_ID + ":role/cfn-contract-test");
        }
        try (CloudFormationClient cloudFormation = CloudFormationClient.builder()
                .endpointOverride(URI.create(moto.endpoint()))
                .region(Region.of(CloudFormationRequest.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build()) {
            cloudFormation.createStack(b -> b.stackName("spot-onboarding-contract-test-account")
                    .templateBody("Resources:\n"
                            + "  AccountId:\n"
                            + "    Type: AWS::SSM::Parameter\n"
                            + "    Properties: {Name: spot-onboarding-contract-test-account-id, Type: String, Value: "
                            + accountId + "}\n"
                            + "Outputs:\n"
                            + "  AccountId:\n"
                            + "    Value: " + accountId + "\n"
                            + "    Export: {Name: " + TypeProjectFiles.ACCOUNT_ID_EXPORT + "}\n"));
        }
    }

    /** As Spot::Onboarding::Account does when it creates the account: Spot links no role without one. */
    private static void mintExternalId(final SpotEmulator spot, final String accountId) throws IOException {
        try {
            final HttpResponse<String> minted = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(spot.baseUrl()
                                            + "/setup/credentials/aws/externalId?accountId=" + accountId))
                                    .header("Authorization", "Bearer " + TOKEN)
                                    .POST(HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(minted.statusCode())
                    .as("minting an external ID for %s", accountId)
                    .isEqualTo(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private void runCfnTest(
            final LambdaEndpoint lambda,
            final MotoServer moto,
            final Path typeConfiguration,
            final Path report,
            final Path cfnLog)
            throws IOException, InterruptedException {
        final List<String> command = new ArrayList<>(List.of(
                folder.resolve("../tooling/cfn").normalize().toString(),
                "test",
                "--endpoint",
                lambda.url(),
                "--region",
                CloudFormationRequest.REGION,
                "--typeconfig",
                typeConfiguration.toString(),
                "--cloudformation-endpoint-url",
                moto.endpoint(),
                "--",
                "--junitxml=" + report,
                "-p",
                "no:cacheprovider"));
        final ProcessBuilder builder = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(cfnLog.toFile());
        final Map<String, String> environment = builder.environment();
        environment.put("CFN_STS_ENDPOINT", moto.endpoint());
        environment.putAll(moto.processEnvironment());
        environment.remove("AWS_PROFILE");
        environment.put("TMPDIR", work.resolve("tmp").toString());
        final Process cfn = builder.start();
        if (!cfn.waitFor(CFN_TEST_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            cfn.destroyForcibly();
            Files.writeString(
                    cfnLog, "\n[killed after " + CFN_TEST_TIMEOUT_MINUTES + " minutes]\n", StandardOpenOption.APPEND);
        }
    }

    /**
     * Each contract test's outcome (passed, failed or skipped) from pytest's JUnit report; what each
     * failure said goes into {@code reasons}.
     */
    private static Map<String, String> outcomes(final Path report, final Path cfnLog, final Map<String, String> reasons)
            throws Exception {
        assertThat(report)
                .as("cfn test wrote no report; its output is in %s", cfnLog)
                .exists();
        final NodeList cases = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(report.toFile())
                .getElementsByTagName("testcase");
        final Map<String, String> outcomes = new TreeMap<>();
        for (int i = 0; i < cases.getLength(); i++) {
            final Element testCase = (Element) cases.item(i);
            final String outcome = testCase.getElementsByTagName("failure").getLength()
                                    + testCase.getElementsByTagName("error").getLength()
                            > 0
                    ? "failed"
                    : testCase.getElementsByTagName("skipped").getLength() > 0 ? "skipped" : "passed";
            outcomes.put(testCase.getAttribute("name"), outcome);
            if ("failed".equals(outcome)) {
                reasons.put(testCase.getAttribute("name"), failureText(testCase));
            }
        }
        return outcomes;
    }

    private static String failureText(final Element testCase) {
        final StringBuilder text = new StringBuilder();
        for (final String tag : List.of("failure", "error")) {
            final NodeList found = testCase.getElementsByTagName(tag);
            for (int i = 0; i < found.getLength(); i++) {
                final Element e = (Element) found.item(i);
                text.append(e.getAttribute("message"))
                        .append('\n')
                        .append(e.getTextContent())
                        .append('\n');
            }
        }
        return text.toString();
    }
}
