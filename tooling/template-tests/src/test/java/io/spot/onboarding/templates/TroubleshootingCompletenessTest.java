package io.spot.onboarding.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/troubleshooting.md documents every FAILED message the handlers can emit. The handlers' main sources
 * are scanned (plain text, no compiler) for the places a FAILED message is written:
 * <ul>
 *   <li>a call whose argument list has {@code HandlerErrorCode.X,} followed by the message
 *       ({@code Events.failed}, a type's own {@code failed} helper, {@code ProgressEvent.failed});</li>
 *   <li>a {@code ProgressEvent} builder with {@code .errorCode(HandlerErrorCode.X ...)} and {@code .message(...)};</li>
 *   <li>{@code notFound(...)} calls (NotFound, the plugin's sentence followed by the handler's reason);</li>
 *   <li>{@code new CfnXxxException(...)}, and calls of a method that returns one ({@code invalid(...)});</li>
 *   <li>{@code case X ->} arms where X is an error code or an enum constant declared with one
 *       ({@code SpotFailures}, the alias lookup's failures);</li>
 *   <li>{@code new SpotXxxException(...)}: details the Spot client adds to the message, with the code
 *       {@code SpotFailures} gives that exception.</li>
 * </ul>
 * From each message expression the first fixed run of text (string literals joined only by {@code +}) of at
 * least {@value #MIN_FRAGMENT} characters is taken, cut to {@value #MAX_FRAGMENT}, and must appear in the
 * doc under a {@code ###} heading that names the code in backticks. A message built elsewhere (no such run at
 * the call) must be listed in {@link #INDIRECT} with the fragment the doc must show.
 */
class TroubleshootingCompletenessTest {
    static final int MIN_FRAGMENT = 18;
    static final int MAX_FRAGMENT = 60;

    private static final Path DOC = CfnYaml.ROOT.resolve("docs/troubleshooting.md");
    private static final List<String> TREES = List.of(
            "spot-common/src/main/java",
            "spot-account/src/main/java",
            "spot-linked-credentials/src/main/java",
            "spot-account-alias/src/main/java",
            "spot-cost-intelligence/src/main/java");

    /** HandlerErrorCode's names, as the plugin declares them. */
    private static final Set<String> CODES = Set.of(
            "NotUpdatable",
            "InvalidRequest",
            "AccessDenied",
            "InvalidCredentials",
            "AlreadyExists",
            "NotFound",
            "ResourceConflict",
            "Throttling",
            "ServiceLimitExceeded",
            "NotStabilized",
            "GeneralServiceException",
            "ServiceInternalError",
            "NetworkFailure",
            "InternalFailure",
            "InvalidTypeConfiguration",
            "HandlerInternalFailure",
            "Unknown");

    /** The code SpotFailures.errorCode gives each Spot exception (docs/design.md §5). */
    private static final Map<String, String> SPOT_EXCEPTION_CODES = Map.of(
            "SpotNotFoundException", "NotFound",
            "SpotUnauthorizedException", "InvalidCredentials",
            "SpotForbiddenException", "AccessDenied",
            "SpotRateLimitException", "Throttling",
            "SpotServerException", "ServiceInternalError",
            "SpotForeignAnswerException", "ServiceInternalError",
            "SpotNetworkException", "NetworkFailure",
            "SpotValidationException", "InvalidRequest");

    /**
     * A FAILED site whose message is built in another method, so the call shows no fixed text: the file, a
     * snippet of the call's message expression that identifies it, the code, and the fragment the doc shows.
     */
    record Indirect(String file, String snippet, String code, String fragment) {}

    private static final List<Indirect> INDIRECT = List.of(
            // Events.notFound: the plugin's "Resource of type ... was not found." plus the caller's reason.
            new Indirect("Events.java", "HandlerErrorCode.NotFound.getMessage()", "NotFound", "was not found."),
            // SpotFailures' NotFound arm: the same sentence, then the Spot client's description.
            new Indirect("SpotFailures.java", "HandlerErrorCode.NotFound.getMessage()", "NotFound", "was not found."),
            // RawModelCheck.refusal: the schema check of the properties as sent, in the plugin's words.
            new Indirect("RegistryLambdaWrapper.java", "refusal.get()", "InvalidRequest", "Model validation failed ("),
            // RoleArn.invalid(value).
            new Indirect(
                    "CreateHandler.java",
                    "RoleArn.invalid(",
                    "InvalidRequest",
                    "RoleArn must be an IAM role ARN such as"),
            new Indirect(
                    "UpdateHandler.java",
                    "RoleArn.invalid(",
                    "InvalidRequest",
                    "RoleArn must be an IAM role ARN such as"),
            // Naming: "Name '<name>' <problem>. Name must be " + SpotAccountNames.rule() + ".".
            new Indirect(
                    "Naming.java",
                    "\". Name must be \" + SpotAccountNames.rule()",
                    "InvalidRequest",
                    "Name must be 1 to 100 characters, no control characters, no space at either end"),
            // Naming.lookupFailure's REFUSED arm: "IAM refused " + the permission and account + IAM's words.
            new Indirect(
                    "Naming.java",
                    "\"IAM refused \"",
                    "GeneralServiceException",
                    "IAM refused iam:ListAccountAliases in AWS account"),
            // ValidationReport.failureMessage, after RoleLinkPrecondition.linkFirst when no role is linked.
            new Indirect(
                    "CreateHandler.java",
                    "report.failureMessage(",
                    "InvalidRequest",
                    "Spot's Cost Intelligence pre-flight validation of"),
            // RoleLinkPrecondition.linkFirst, then Spot's refusal.
            new Indirect(
                    "CreateHandler.java",
                    "RoleLinkPrecondition.linkFirst(accountId) + \" \" + refused",
                    "InvalidRequest",
                    "has no linked AWS credentials, and Spot enrolls only accounts whose"));

    /** FAILED sites no user ever sees, and why. */
    private static final List<Indirect> EXEMPT = List.of(
            // testEntrypoint's placeholder: every path through its try block replaces it before it is written.
            new Indirect("RegistryLambdaWrapper.java", "\"Uninitialized\"", "InternalFailure", null));

    /**
     * Text that reaches a FAILED message from a place none of the patterns sees: the file, a literal it holds,
     * and the code of the FAILED event it ends up in.
     */
    record Extra(String file, String literal, String code) {}

    private static final List<Extra> EXTRA = List.of(
            // SpotFailures' first branch, before its switch: an answer that is not Spot's.
            new Extra("SpotFailures.java", "was not Spot's, so nothing was concluded from it", "ServiceInternalError"),
            // SpotFailures' default arm: any other Spot refusal.
            new Extra("SpotFailures.java", "Spot refused the request for ", "InvalidRequest"),
            // SpotEndpoint's IllegalArgumentException, which SpotTokenResolver wraps after "SpotCredentials.ApiUrl".
            new Extra(
                    "SpotEndpoint.java",
                    "must be an absolute http(s) URL with no path or query",
                    "InvalidTypeConfiguration"),
            new Extra(
                    "SpotEndpoint.java",
                    "must use https:// for a host that is not loopback",
                    "InvalidTypeConfiguration"),
            // BearerTokenInterceptor's IllegalArgumentException, which SpotInvoker wraps as the type configuration's.
            new Extra("BearerTokenInterceptor.java", "the Spot API token is empty", "InvalidTypeConfiguration"),
            new Extra(
                    "BearerTokenInterceptor.java",
                    "the Spot API token must be printable ASCII",
                    "InvalidTypeConfiguration"),
            // ValidationMessages' addition to the plugin's "extraneous key" refusal.
            new Extra("ValidationMessages.java", "has no property '", "InvalidRequest"),
            // AliasLookupException's description of IAM's answer, after lookupFailure's framing.
            new Extra("AliasLookupException.java", "IAM answered HTTP ", "AccessDenied"),
            new Extra("AliasLookupException.java", "no answer from IAM: ", "NetworkFailure"));

    /** One place in the sources where a FAILED message is written. */
    record Site(String path, int line, Set<String> codes, String expression) {
        String file() {
            return path.substring(path.lastIndexOf('/') + 1);
        }

        String where() {
            return path + ":" + line;
        }

        String fragment() {
            return TroubleshootingCompletenessTest.fragment(expression);
        }
    }

    @Test
    void everyFailedMessageIsDocumentedUnderItsCode() {
        final List<Section> doc = sections(read(DOC));
        final List<Site> sites = scan();
        final List<String> missing = new ArrayList<>();
        final List<String> unexplained = new ArrayList<>();
        for (final Site site : sites) {
            final String fragment = site.fragment();
            if (fragment == null) {
                if (matching(INDIRECT, site).isEmpty() && matching(EXEMPT, site).isEmpty()) {
                    unexplained.add(site.where() + " " + site.codes() + ": " + abbreviate(site.expression()));
                }
                continue;
            }
            if (!documented(doc, fragment, site.codes())) {
                missing.add(site.where() + " " + site.codes() + ": \"" + fragment + "\"");
            }
        }
        for (final Indirect entry : INDIRECT) {
            if (!documented(doc, entry.fragment(), Set.of(entry.code()))) {
                missing.add(entry.file() + " (" + entry.snippet() + ") [" + entry.code() + "]: \"" + entry.fragment()
                        + "\"");
            }
        }
        for (final Extra extra : EXTRA) {
            final String fragment = normalize(extra.literal());
            if (!documented(doc, fragment, Set.of(extra.code()))) {
                missing.add(extra.file() + " [" + extra.code() + "]: \"" + fragment + "\"");
            }
        }
        assertThat(unexplained)
                .as("FAILED messages built outside the call, so no fixed text shows there: document them in "
                        + "docs/troubleshooting.md and list them in INDIRECT (or EXEMPT, saying why no user sees them)")
                .isEmpty();
        assertThat(missing)
                .as("FAILED messages not in docs/troubleshooting.md under a ### heading naming their code in "
                        + "backticks (add an entry with the message, what it means and what to do)")
                .isEmpty();
    }

    /** The explicit lists name places that still exist, so they cannot outlive the code they describe. */
    @Test
    void theExplicitListsAreCurrent() {
        final List<Site> sites = scan();
        final List<String> stale = new ArrayList<>();
        for (final Indirect entry : concat(INDIRECT, EXEMPT)) {
            if (sites.stream()
                    .noneMatch(
                            s -> entry.file().equals(s.file()) && s.expression().contains(entry.snippet()))) {
                stale.add(entry.file() + ": " + entry.snippet());
            }
        }
        final Map<String, String> sources = sources();
        for (final Extra extra : EXTRA) {
            final boolean found = sources.entrySet().stream()
                    .anyMatch(e -> e.getKey().endsWith("/" + extra.file())
                            && e.getValue().contains(extra.literal()));
            if (!found) {
                stale.add(extra.file() + ": " + extra.literal());
            }
        }
        assertThat(stale)
                .as("entries of INDIRECT, EXEMPT or EXTRA no source holds")
                .isEmpty();
    }

    /** A scanner that finds nothing would pass the test above; this one finds what is known to be there. */
    @Test
    void theScannerSeesTheKnownSites() {
        final List<Site> sites = scan();
        assertThat(sites.size()).isGreaterThan(50);
        final Set<String> codes =
                sites.stream().flatMap(s -> s.codes().stream()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(codes)
                .contains(
                        "AlreadyExists",
                        "InvalidRequest",
                        "NotUpdatable",
                        "NotStabilized",
                        "NotFound",
                        "Throttling",
                        "AccessDenied",
                        "InvalidCredentials",
                        "InvalidTypeConfiguration",
                        "GeneralServiceException",
                        "ServiceInternalError",
                        "NetworkFailure",
                        "ServiceLimitExceeded");
        assertThat(sites)
                .anySatisfy(s -> assertThat(s.fragment()).isEqualTo("Gave up after waiting"))
                .anySatisfy(s -> assertThat(s.fragment()).startsWith("is already connected to Spot account"));
    }

    /** What a handler that gains a FAILED message looks like to the scanner: a site the doc does not cover. */
    @Test
    void aNewFailedMessageIsFoundAndNotYetDocumented() {
        final String handler = String.join(
                "\n",
                "class NewHandler {",
                "    Object handle(final String accountId) {",
                "        // Events.failed(HandlerErrorCode.Throttling, \"a commented-out message is no message\");",
                "        return Events.failed(",
                "                HandlerErrorCode.ResourceConflict,",
                "                \"Spot account \" + accountId + \" is being moved to another \"",
                "                        + \"organization right now\" + suffix(accountId));",
                "    }",
                "}");
        final List<Site> sites = scan(Map.of("spot-account/src/main/java/NewHandler.java", handler));

        assertThat(sites).singleElement().satisfies(site -> {
            assertThat(site.where()).isEqualTo("spot-account/src/main/java/NewHandler.java:5");
            assertThat(site.codes()).containsExactly("ResourceConflict");
            assertThat(site.fragment()).isEqualTo("is being moved to another organization right now");
            assertThat(documented(sections(read(DOC)), site.fragment(), site.codes()))
                    .isFalse();
        });
    }

    @Test
    void aFragmentIsTheFirstLongFixedRunOfText() {
        assertThat(fragment("a + \" a short one \" + b + \" another short \" + c"))
                .isNull();
        assertThat(fragment("a + \"short\" + b + \" the first run long enough \" + \"to count\" + c"))
                .isEqualTo("the first run long enough to count");
        assertThat(fragment("\"say \\\"a quoted word\\\" in it\", null")).isEqualTo("say \"a quoted word\" in it");
        assertThat(fragment("\"" + "x".repeat(100) + "\"")).hasSize(MAX_FRAGMENT);
    }

    // ---- the doc

    record Section(String heading, String text) {}

    /** The doc cut at its headings (outside code fences); each section holds its heading line and its text. */
    static List<Section> sections(final String doc) {
        final List<Section> sections = new ArrayList<>();
        String heading = "";
        StringBuilder text = new StringBuilder();
        boolean fenced = false;
        for (final String line : doc.split("\n", -1)) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            }
            if (!fenced && line.startsWith("#")) {
                sections.add(new Section(heading, normalize(text.toString())));
                heading = line;
                text = new StringBuilder();
            }
            text.append(line).append('\n');
        }
        sections.add(new Section(heading, normalize(text.toString())));
        return sections;
    }

    /** In a section whose heading names every one of the codes in backticks. */
    static boolean documented(final List<Section> doc, final String fragment, final Set<String> codes) {
        return doc.stream()
                .anyMatch(s -> s.heading().startsWith("###")
                        && codes.stream().allMatch(c -> s.heading().contains("`" + c + "`"))
                        && s.text().contains(fragment));
    }

    // ---- the scanner

    private static final Pattern CODE_ARGUMENT = Pattern.compile("HandlerErrorCode\\.(\\w+)\\s*,");
    private static final Pattern ERROR_CODE_BUILDER = Pattern.compile("\\.errorCode\\(");
    private static final Pattern NOT_FOUND = Pattern.compile("\\bnotFound\\(");
    private static final Pattern CFN_EXCEPTION = Pattern.compile("\\bnew Cfn(\\w+)Exception\\(");
    private static final Pattern CFN_FACTORY = Pattern.compile("\\bCfn(\\w+)Exception\\s+(\\w+)\\s*\\(");
    private static final Pattern SPOT_EXCEPTION = Pattern.compile("\\bnew (Spot\\w+Exception)\\(");
    private static final Pattern ARM = Pattern.compile("\\bcase\\s+(\\w+)\\s*->");
    private static final Pattern ENUM_CODE = Pattern.compile("\\b([A-Z][A-Z0-9_]*)\\(\\s*HandlerErrorCode\\.(\\w+)");
    private static final Pattern HANDLER_ERROR_CODE = Pattern.compile("HandlerErrorCode\\.(\\w+)");

    static List<Site> scan() {
        return scan(sources());
    }

    /** @param sources each file's text by its path */
    static List<Site> scan(final Map<String, String> sources) {
        final Map<String, String> enumCodes = new HashMap<>();
        sources.values().forEach(text -> {
            final Matcher m = ENUM_CODE.matcher(text);
            while (m.find()) {
                if (CODES.contains(m.group(2))) {
                    enumCodes.put(m.group(1), m.group(2));
                }
            }
        });
        final List<Site> sites = new ArrayList<>();
        sources.forEach((path, text) -> {
            final String code = stripComments(text);
            Matcher m = CODE_ARGUMENT.matcher(code);
            while (m.find()) {
                if (CODES.contains(m.group(1)) && isMethodCall(code, m.start())) {
                    sites.add(site(path, code, m.start(), Set.of(m.group(1)), arguments(code, m.end(), false)));
                }
            }
            m = ERROR_CODE_BUILDER.matcher(code);
            while (m.find()) {
                final String argument = arguments(code, m.end(), false);
                final Set<String> codes = codesIn(argument);
                final int build = code.indexOf(".build()", m.end());
                final int message = code.indexOf(".message(", m.end());
                if (!codes.isEmpty() && message >= 0 && (build < 0 || message < build)) {
                    sites.add(
                            site(path, code, m.start(), codes, arguments(code, message + ".message(".length(), false)));
                }
            }
            m = NOT_FOUND.matcher(code);
            while (m.find()) {
                final String argument = arguments(code, m.end(), false);
                if (!argument.contains("final ")) {
                    optionalSite(sites, path, code, m.start(), Set.of("NotFound"), argument);
                }
            }
            m = CFN_EXCEPTION.matcher(code);
            while (m.find()) {
                final String cfn = cfnCode(m.group(1)).orElse(null);
                if (cfn != null) {
                    optionalSite(sites, path, code, m.start(), Set.of(cfn), arguments(code, m.end(), false));
                }
            }
            m = CFN_FACTORY.matcher(code);
            while (m.find()) {
                final String name = m.group(2);
                final String factoryCode = cfnCode(m.group(1)).orElse(null);
                if (factoryCode == null) {
                    continue;
                }
                final Matcher call = Pattern.compile("\\b" + name + "\\(").matcher(code);
                while (call.find()) {
                    final String argument = arguments(code, call.end(), false);
                    if (!argument.contains("final ")) {
                        optionalSite(sites, path, code, call.start(), Set.of(factoryCode), argument);
                    }
                }
            }
            m = SPOT_EXCEPTION.matcher(code);
            while (m.find()) {
                final String spotCode = SPOT_EXCEPTION_CODES.get(m.group(1));
                if (spotCode != null) {
                    optionalSite(sites, path, code, m.start(), Set.of(spotCode), arguments(code, m.end(), false));
                }
            }
            m = ARM.matcher(code);
            while (m.find()) {
                final String label = m.group(1);
                final String armCode = CODES.contains(label) ? label : enumCodes.get(label);
                if (armCode != null) {
                    sites.add(site(path, code, m.start(), Set.of(armCode), arguments(code, m.end(), true)));
                }
            }
        });
        return sites;
    }

    /** Sites where the message may come from elsewhere count only when they show fixed text. */
    private static void optionalSite(
            final List<Site> sites,
            final String path,
            final String code,
            final int at,
            final Set<String> codes,
            final String expression) {
        if (fragment(expression) != null) {
            sites.add(site(path, code, at, codes, expression));
        }
    }

    private static Site site(
            final String path, final String code, final int at, final Set<String> codes, final String expression) {
        final int line =
                (int) code.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        return new Site(path, line, codes, expression);
    }

    /** "InvalidRequest" for CfnInvalidRequestException, "GeneralServiceException" for CfnGeneralServiceException. */
    private static Optional<String> cfnCode(final String stem) {
        if (CODES.contains(stem)) {
            return Optional.of(stem);
        }
        return CODES.contains(stem + "Exception") ? Optional.of(stem + "Exception") : Optional.empty();
    }

    private static Set<String> codesIn(final String text) {
        final Set<String> codes = new LinkedHashSet<>();
        final Matcher m = HANDLER_ERROR_CODE.matcher(text);
        while (m.find()) {
            if (CODES.contains(m.group(1))) {
                codes.add(m.group(1));
            }
        }
        return codes;
    }

    /**
     * Whether the parenthesis enclosing {@code at} opens a method call ({@code failed(}), not an enum
     * constant or a constructor ({@code ACCESS_DENIED(}, {@code Kind(}).
     */
    private static boolean isMethodCall(final String code, final int at) {
        int depth = 0;
        for (int i = at - 1; i >= 0; i--) {
            final char c = code.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(') {
                if (depth == 0) {
                    int end = i;
                    while (end > 0 && Character.isWhitespace(code.charAt(end - 1))) {
                        end--;
                    }
                    int start = end;
                    while (start > 0 && Character.isJavaIdentifierPart(code.charAt(start - 1))) {
                        start--;
                    }
                    return start < end && Character.isLowerCase(code.charAt(start));
                }
                depth--;
            }
        }
        return false;
    }

    /**
     * The source text from {@code from} to the parenthesis that closes the call (or, for a switch arm, to
     * the {@code ;} that ends it), skipping string and character literals.
     */
    static String arguments(final String code, final int from, final boolean arm) {
        int depth = 0;
        int i = from;
        while (i < code.length()) {
            final char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(code, i);
                continue;
            }
            if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (c == ';' && depth == 0) {
                break;
            } else if (arm && depth == 0 && code.startsWith("case ", i)) {
                break;
            }
            i++;
        }
        return code.substring(from, i);
    }

    /** The index just past the literal that starts at {@code start}. */
    private static int endOfLiteral(final String code, final int start) {
        final char quote = code.charAt(start);
        int i = start + 1;
        while (i < code.length() && code.charAt(i) != quote) {
            i += code.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }

    /**
     * The first run of string literals joined only by {@code +} whose text, trimmed and with its whitespace
     * collapsed, has at least {@value #MIN_FRAGMENT} characters, cut to {@value #MAX_FRAGMENT}; null if none.
     */
    static String fragment(final String expression) {
        StringBuilder run = null;
        int i = 0;
        int afterLast = -1;
        while (i < expression.length()) {
            final char c = expression.charAt(i);
            if (c == '\'') {
                i = endOfLiteral(expression, i);
                continue;
            }
            if (c != '"') {
                i++;
                continue;
            }
            final int end = endOfLiteral(expression, i);
            final String literal = unescape(expression.substring(i + 1, end - 1));
            final boolean joined =
                    run != null && expression.substring(afterLast, i).strip().equals("+");
            if (!joined) {
                final String done = run == null ? null : long_(run.toString());
                if (done != null) {
                    return done;
                }
                run = new StringBuilder();
            }
            run.append(literal);
            afterLast = end;
            i = end;
        }
        return run == null ? null : long_(run.toString());
    }

    private static String long_(final String run) {
        final String text = normalize(run);
        if (text.length() < MIN_FRAGMENT) {
            return null;
        }
        return text.length() <= MAX_FRAGMENT
                ? text
                : text.substring(0, MAX_FRAGMENT).strip();
    }

    private static String unescape(final String literal) {
        final StringBuilder text = new StringBuilder();
        for (int i = 0; i < literal.length(); i++) {
            final char c = literal.charAt(i);
            if (c != '\\' || i + 1 == literal.length()) {
                text.append(c);
                continue;
            }
            final char next = literal.charAt(++i);
            switch (next) {
                case 'n' -> text.append('\n');
                case 't' -> text.append('\t');
                case 'u' -> {
                    text.append((char) Integer.parseInt(literal.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> text.append(next);
            }
        }
        return text.toString();
    }

    /** The source with comments blanked out (newlines kept, so line numbers hold), literals untouched. */
    static String stripComments(final String source) {
        final StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            final char c = source.charAt(i);
            if (c == '"' || c == '\'') {
                final int end = Math.min(source.length(), endOfLiteral(source, i));
                out.append(source, i, end);
                i = end;
            } else if (source.startsWith("//", i)) {
                while (i < source.length() && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                final int end = source.indexOf("*/", i + 2);
                final int stop = end < 0 ? source.length() : end + 2;
                source.substring(i, stop).chars().filter(ch -> ch == '\n').forEach(ch -> out.append('\n'));
                i = stop;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    // ---- helpers

    private static Map<String, String> sources() {
        final Map<String, String> sources = new TreeMap<>();
        for (final String tree : TREES) {
            try (Stream<Path> files = Files.walk(CfnYaml.ROOT.resolve(tree))) {
                files.filter(p -> p.toString().endsWith(".java"))
                        .forEach(p -> sources.put(
                                CfnYaml.ROOT.relativize(p).toString().replace('\\', '/'), read(p)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sources;
    }

    private static List<Indirect> matching(final List<Indirect> entries, final Site site) {
        return entries.stream()
                .filter(e -> e.file().equals(site.file()) && site.expression().contains(e.snippet()))
                .toList();
    }

    private static <T> List<T> concat(final List<T> a, final List<T> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    static String normalize(final String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static String abbreviate(final String text) {
        final String flat = normalize(text);
        return flat.length() <= 120 ? flat : flat.substring(0, 117) + "...";
    }

    private static String read(final Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
