package io.spot.onboarding.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.json.JSONObject;
import software.amazon.cloudformation.resource.Validator;

/**
 * The files {@code cfn init} and {@code cfn generate} keep beside a type's schema. The build runs
 * {@code cfn generate} in the type folder (see the parent POM's registry-type profile) after copying
 * what it may rewrite to {@code target/cfn-committed}: what it wrote must be what is committed.
 */
public final class TypeProjectFiles {
    /**
     * The CloudFormation export that the inputs of the types needing a Spot account name it by, as
     * {@code cfn test} resolves it ({{...}} in an input file). {@link CfnContractTest} exports one.
     */
    public static final String ACCOUNT_ID_EXPORT = "SpotOnboardingContractTestAccountId";
    /** What {@code cfn generate} writes in the type folder itself. */
    static final List<String> WRITTEN_BY_CFN_GENERATE = List.of("docs", "resource-role.yaml", ".rpdk-config");
    /** What the type writes itself in place of what cfn generates, for the reasons RegistryLambdaWrapper gives. */
    static final Set<String> REPLACED_GENERATED_CLASSES =
            Set.of("HandlerWrapper.java", "HandlerWrapperExecutable.java");

    private static final Pattern EXPORT = Pattern.compile("\\{\\{([-A-Za-z0-9:\\s]+?)}}");

    private final Path module;
    private final JSONObject schema;

    public TypeProjectFiles(final Path module, final JSONObject schema) {
        this.module = module;
        this.schema = schema;
    }

    /** The type name as cfn writes it in file names: Spot::Onboarding::Account is spot-onboarding-account. */
    public static String hyphenated(final String typeName) {
        return typeName.replace("::", "-").toLowerCase(Locale.ROOT);
    }

    public void assertCfnGenerateChangedNothing() {
        final Path committed = module.resolve("target/cfn-committed");
        assertThat(committed)
                .as("the build copies the files cfn generate may rewrite to %s first", committed)
                .isDirectory();
        for (final String name : WRITTEN_BY_CFN_GENERATE) {
            assertThat(tree(module.resolve(name)))
                    .as(
                            "%s as cfn generate wrote it, against the committed one: "
                                    + "when they differ, the build has just written cfn's version; commit it",
                            name)
                    .isEqualTo(tree(committed.resolve(name)));
        }
    }

    /** What cfn generates is compiled from target/generated-sources, with no hand-written copy beside it. */
    public void assertGeneratedCodeIsNotCopied(final Class<?> lambdaEntry) {
        final String packagePath = lambdaEntry.getPackageName().replace('.', '/');
        final Path generated = module.resolve("target/generated-sources/rpdk").resolve(packagePath);
        final Path handWritten = module.resolve("src/main/java").resolve(packagePath);
        final List<String> generatedNames = list(generated);
        assertThat(generatedNames)
                .as("what cfn generate wrote to %s", generated)
                .contains("ResourceModel.java", "TypeConfigurationModel.java", "BaseConfiguration.java");
        assertThat(list(handWritten))
                .as("hand-written copies in %s of what cfn generates", handWritten)
                .doesNotContainAnyElementsOf(generatedNames.stream()
                        .filter(name -> !REPLACED_GENERATED_CLASSES.contains(name))
                        .toList());
    }

    public void assertAllAgree(final Class<?> lambdaEntry, final Class<?> executableEntry) {
        assertRpdkConfig(lambdaEntry, executableEntry);
        assertSamTemplate(lambdaEntry);
        assertInputs();
        assertPluginVersion();
    }

    private void assertRpdkConfig(final Class<?> lambdaEntry, final Class<?> executableEntry) {
        final JSONObject config = new JSONObject(read(".rpdk-config"));
        assertThat(config.getString("typeName")).isEqualTo(schema.getString("typeName"));
        assertThat(config.getString("entrypoint")).isEqualTo(lambdaEntry.getName() + "::handleRequest");
        assertThat(config.getString("testEntrypoint")).isEqualTo(lambdaEntry.getName() + "::testEntrypoint");
        assertThat(config.getString("executableEntrypoint")).isEqualTo(executableEntry.getName());
        assertThat(String.join(
                        ".",
                        config.getJSONObject("settings").getJSONArray("namespace").toList().stream()
                                .map(Object::toString)
                                .toList()))
                .isEqualTo(lambdaEntry.getPackageName());
    }

    /** SAM's template names the entry points and the one jar cfn packages (target/<type-name>-*.jar). */
    private void assertSamTemplate(final Class<?> lambdaEntry) {
        final String template = read("template.yml");
        assertThat(template)
                .contains("Handler: " + lambdaEntry.getName() + "::handleRequest")
                .contains("Handler: " + lambdaEntry.getName() + "::testEntrypoint")
                .contains("Runtime: java17")
                .containsPattern("CodeUri: \\./target/" + Pattern.quote(hyphenated(schema.getString("typeName")))
                        + "-handler-[0-9][^/\\s]*\\.jar");
    }

    /**
     * cfn test's inputs: create and update must satisfy the schema, invalid must not. An export they
     * name stands for a Spot account ID.
     */
    private void assertInputs() {
        final Validator validator = new Validator();
        for (final String kind : List.of("create", "update")) {
            validator.validateObject(new JSONObject(withExports(read("inputs/inputs_1_" + kind + ".json"))), schema);
        }
        final JSONObject invalid = new JSONObject(withExports(read("inputs/inputs_1_invalid.json")));
        assertThat(catchValidation(() -> validator.validateObject(invalid, schema)))
                .as("inputs_1_invalid.json must break the schema")
                .isTrue();
    }

    private static String withExports(final String input) {
        final Matcher export = EXPORT.matcher(input);
        final StringBuilder resolved = new StringBuilder();
        while (export.find()) {
            assertThat(export.group(1).strip())
                    .as("the only export the inputs may name")
                    .isEqualTo(ACCOUNT_ID_EXPORT);
            export.appendReplacement(resolved, "act-1a2b3c4d");
        }
        return export.appendTail(resolved).toString();
    }

    /** cfn reads the plugin's version literally from the type's own pom.xml. */
    private void assertPluginVersion() {
        final Matcher parent = Pattern.compile("<cfn\\.plugin\\.version>([^<]+)</cfn\\.plugin\\.version>")
                .matcher(read("../pom.xml"));
        assertThat(parent.find()).as("the parent POM's cfn.plugin.version").isTrue();
        assertThat(read("pom.xml"))
                .as("the type's pom.xml, where cfn reads the plugin's version")
                .containsPattern("<artifactId>aws-cloudformation-rpdk-java-plugin</artifactId>\\s*<version>"
                        + Pattern.quote(parent.group(1)) + "</version>");
    }

    private static boolean catchValidation(final Runnable check) {
        try {
            check.run();
            return false;
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** Every file under {@code root} (or the file itself) with its content. */
    private static Map<String, String> tree(final Path root) {
        final Map<String, String> files = new TreeMap<>();
        if (!Files.exists(root)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (final Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static List<String> list(final Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    private String read(final String relative) {
        try {
            return Files.readString(module.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException("missing " + relative + " in " + module, e);
        }
    }
}
